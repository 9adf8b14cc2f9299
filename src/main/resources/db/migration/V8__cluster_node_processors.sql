-- The event processors each node runs: a node shares out a processor's segments only among the nodes that run it,
-- so a processor an operator stopped on one node leaves all its segments to the others.
alter table cluster_node add column running_processors text[] not null default '{}';
