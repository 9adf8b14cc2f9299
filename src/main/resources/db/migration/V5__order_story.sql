-- The events that make up each order's story across aggregates (its own, its items' reservations and
-- releases, its user's debit and refund), in the order they happened. Owned by the orders projection.
create table order_story_event (
    id                   bigserial    primary key,
    order_id             varchar(36)  not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    unique (aggregate_identifier, sequence_number)
);
create index order_story_event_order_idx on order_story_event (order_id, id);
