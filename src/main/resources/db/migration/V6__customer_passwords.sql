-- Sign-in: the password hash of each customer, next to the e-mail address they sign in with. Written with
-- the registration (see user/EmailClaims); null for accounts registered before passwords existed.
alter table user_email_claim add column password_hash varchar(255);
