-- Blue/green projections (platform/projections). Each projection's rows belong to a generation; readers read the
-- generation that serves them, chosen in the same statement (serving_generation below), so a switch to a new
-- generation is one committed update for every node. A generation is built by the event processor of one of
-- the projection's two slots, blue and green, with its own tracking tokens.

create table projection_generation (
    projection  varchar(64)  not null,
    generation  bigint       not null,
    -- the projection's version in the code that builds it
    version     integer      not null,
    -- blue or green: the slot whose processor (<projection>-<slot>) builds and follows it
    slot        varchar(8)   not null,
    -- BUILDING (catching up, read by nobody), LIVE (serving reads), RETIRED (to be dropped)
    state       varchar(16)  not null,
    -- the global index the generation's processor starts after (null: the start of the store)
    start_index bigint,
    -- a replay from an instant: the events since it are handled again onto a copy of the serving rows
    replay_from timestamptz,
    created_at  timestamptz  not null default now(),
    live_at     timestamptz,
    retired_at  timestamptz,
    primary key (projection, generation),
    -- a slot holds one generation until that is dropped
    unique (projection, slot)
);

-- The rows that exist today are the first generation, live, in the blue slot, built by version 1 of each projection.
insert into projection_generation (projection, generation, version, slot, state, live_at)
values ('users', 1, 1, 'blue', 'LIVE', now()),
       ('items', 1, 1, 'blue', 'LIVE', now()),
       ('orders', 1, 1, 'blue', 'LIVE', now());

-- The processors and their dead letters move to the blue slot, with their tokens: nothing is rebuilt.
update token_entry set processor_name = processor_name || '-blue'
where processor_name in ('users', 'items', 'orders');
update dead_letter_entry set processing_group = processing_group || '-blue'
where processing_group in ('users', 'items', 'orders');

/*
 * The generation a reader of a projection reads, for a node whose code has the given version of it: the live
 * generation of the highest version not above the node's own (the newest of those), or, when every live
 * generation is newer than the node's code (a node rolled back), the oldest live one.
 */
create function serving_generation(p_projection varchar, p_version integer) returns bigint
language sql stable as $$
    select generation from projection_generation
    where projection = p_projection and state = 'LIVE'
    order by version <= p_version desc,
             case when version <= p_version then version end desc nulls last,
             version, generation desc
    limit 1
$$;

-- Each node says which version of each projection its code has ("users:1"), so that a generation no live node
-- reads can be retired.
alter table cluster_node add column projection_versions text[] not null default '{}';

-- users
alter table user_view add column generation bigint not null default 1;
alter table user_view alter column generation drop default;
alter table user_view drop constraint user_view_pkey;
alter table user_view add primary key (generation, user_id);

-- items
alter table item_view add column generation bigint not null default 1;
alter table item_view alter column generation drop default;
alter table item_view drop constraint item_view_pkey;
alter table item_view add primary key (generation, item_id);

-- orders: the view, its lines and each order's story
alter table order_view_line drop constraint order_view_line_order_id_fkey;
alter table order_view_line drop constraint order_view_line_pkey;
alter table order_view add column generation bigint not null default 1;
alter table order_view alter column generation drop default;
alter table order_view drop constraint order_view_pkey;
alter table order_view add primary key (generation, order_id);
drop index order_view_user_idx;
create index order_view_user_idx on order_view (generation, user_id, placed_at);

alter table order_view_line add column generation bigint not null default 1;
alter table order_view_line alter column generation drop default;
alter table order_view_line add primary key (generation, order_id, line_no);
alter table order_view_line add foreign key (generation, order_id)
    references order_view (generation, order_id) on delete cascade;

alter table order_story_event add column generation bigint not null default 1;
alter table order_story_event alter column generation drop default;
alter table order_story_event drop constraint order_story_event_aggregate_identifier_sequence_number_key;
alter table order_story_event add unique (generation, aggregate_identifier, sequence_number);
drop index order_story_event_order_idx;
create index order_story_event_order_idx on order_story_event (generation, order_id, id);
