-- Time travel starts from the newest snapshot that covers no event after the instant asked for, then reads the
-- events after that snapshot only. Snapshots are therefore kept (the storage engine no longer deletes the older
-- ones), and each carries the time stamp of the last event it covers: the time the snapshot row itself carries is
-- when it was taken, which can be much later.

alter table snapshot_event_entry add column last_event_time_stamp varchar(255);

-- Axon's storage engine inserts the row and knows nothing of this column: the time stamp of the covered event is
-- looked up here, in the inserting transaction (the snapshotter takes snapshots of committed events).
create function snapshot_event_entry_last_event_time_stamp() returns trigger language plpgsql as $$
begin
    select e.time_stamp into new.last_event_time_stamp
    from domain_event_entry e
    where e.aggregate_identifier = new.aggregate_identifier and e.sequence_number = new.sequence_number;
    return new;
end $$;

create trigger snapshot_event_entry_last_event_time_stamp
    before insert or update on snapshot_event_entry
    for each row execute function snapshot_event_entry_last_event_time_stamp();

update snapshot_event_entry s set last_event_time_stamp = e.time_stamp
from domain_event_entry e
where e.aggregate_identifier = s.aggregate_identifier and e.sequence_number = s.sequence_number;

-- the newest snapshot of a revision no later than an instant: one index descent, however many snapshots there are
create index snapshot_event_entry_time_travel_idx
    on snapshot_event_entry (aggregate_identifier, payload_revision, last_event_time_stamp);
