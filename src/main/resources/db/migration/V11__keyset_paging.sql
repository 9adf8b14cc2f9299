-- Keyset paging: each list is read from an index in its own order, starting where the last page ended, so that a
-- page costs the same on the first and on the thousandth page, whatever the size of the list.

-- the catalogue, by name (and id, between items of one name)
create index item_view_catalogue_idx on item_view (generation, name, item_id);

-- a customer's orders, newest first (and by id, between orders of one instant)
drop index order_view_user_idx;
create index order_view_user_idx on order_view (generation, user_id, placed_at, order_id);
