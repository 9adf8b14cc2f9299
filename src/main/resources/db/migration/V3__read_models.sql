-- Read models, each owned by one projection (tracking processor) and rebuilt from events on replay.

-- users projection
create table user_view (
    user_id varchar(36)  not null primary key,
    name    varchar(200) not null,
    email   varchar(320) not null,
    balance bigint       not null,
    version bigint       not null
);

-- items projection
create table item_view (
    item_id varchar(36)  not null primary key,
    name    varchar(200) not null,
    price   bigint       not null,
    stock   integer      not null,
    version bigint       not null
);

-- orders projection
create table order_view (
    order_id   varchar(36) not null primary key,
    user_id    varchar(36) not null,
    status     varchar(16) not null,
    reason     varchar(32),
    total      bigint,
    placed_at  timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null
);
create index order_view_user_idx on order_view (user_id, placed_at);

create table order_view_line (
    order_id   varchar(36) not null references order_view (order_id) on delete cascade,
    line_no    integer     not null,
    item_id    varchar(36) not null,
    quantity   integer     not null,
    unit_price bigint,
    primary key (order_id, line_no)
);

-- Set validation for the command side: an e-mail address belongs to at most one user. Written in the
-- same transaction as the UserRegistered event, so a claim exists exactly when the user does.
create table user_email_claim (
    email   varchar(320) not null primary key,
    user_id varchar(36)  not null
);
