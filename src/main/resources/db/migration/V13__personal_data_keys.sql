-- Crypto-shredding (platform/privacy). Each person's personal data is sealed with a data key of their own; the
-- data key is kept here, itself sealed by the master key. Erasure destroys the keyset and keeps a tombstone (the
-- person's id and when), so that whatever the store holds of theirs reads as erased from then on.
create table personal_data_key (
    key_id     uuid primary key,
    subject_id varchar(255) not null unique,
    keyset     bytea,
    created_at timestamptz not null default now(),
    erased_at  timestamptz,
    constraint personal_data_key_erased_or_kept check ((keyset is null) = (erased_at is not null))
);

-- A probe sealed with the master key on the first start: a later start with another key stops with a message.
create table personal_data_master_check (
    id    int primary key check (id = 1),
    probe bytea not null
);
