-- Password hashes leave the event stream (UserRegistered revision 2 has none) and the e-mail claims: a table of
-- their own, written with the registration and deleted by erasure (see user/Credentials). Accounts registered
-- before passwords existed have no row and cannot sign in.
create table user_credential (
    user_id       varchar(255) primary key,
    password_hash varchar(255) not null
);
insert into user_credential (user_id, password_hash)
select user_id, password_hash from user_email_claim where password_hash is not null;
alter table user_email_claim drop column password_hash;

-- Erasure: the users view keeps an erased account's balance and forgets its name and e-mail.
alter table user_view alter column name drop not null;
alter table user_view alter column email drop not null;
alter table user_view add column erased boolean not null default false;
