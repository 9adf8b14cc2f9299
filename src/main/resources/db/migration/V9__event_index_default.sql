-- The database numbers each event as it inserts it (see META-INF/orm.xml): one statement per append instead of
-- a nextval round trip before every insert. Still one value at a time, from the same sequence.
alter table domain_event_entry alter column global_index set default nextval('domain_event_entry_seq');
alter sequence domain_event_entry_seq owned by domain_event_entry.global_index;
