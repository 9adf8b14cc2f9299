-- The nodes sharing this database, each beating a heartbeat (platform/cluster/SegmentBalancer), so that each
-- knows how many share the event processors' segments.
create table cluster_node (
    node_id   varchar(255) primary key,
    last_seen timestamptz  not null
);
