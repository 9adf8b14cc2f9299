-- The Order aggregate's version in the orders view, for reads with ?minVersion= (0 placed, 1 decided).
alter table order_view add column version bigint not null default 0;
