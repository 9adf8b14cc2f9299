package dev.eventshop.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Users and their top-ups written straight into the event store with SQL, as the service would have stored
 * them (same types, revisions and JSON), because appending a million events through the API would take the
 * benchmark longer than everything else together.
 */
public final class EventSeeder {

    private static final String EVENTS = """
            insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
              event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp)
            select nextval('domain_event_entry_seq'), e.id, e.seq, 'User', gen_random_uuid()::text,
              case when e.seq = 0 then 'dev.eventshop.user.api.UserRegistered'
                   else 'dev.eventshop.user.api.BalanceToppedUp' end,
              case when e.seq = 0 then '1' end,
              convert_to(case when e.seq = 0
                then json_build_object('userId', e.id, 'name', 'Seeded', 'email', e.id || '@seed.example',
                                       'passwordHash', null)::text
                else json_build_object('userId', e.id, 'amount', 100, 'balanceAfter', 100 * e.seq)::text end,
                'UTF8'),
              convert_to('{}', 'UTF8'),
              to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            from (select u.id, s.seq from %s u cross join generate_series(0, ? - 1) s(seq)
                  order by u.id, s.seq) e""";

    private final JdbcTemplate jdbc;

    public EventSeeder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One user with the given number of events: its registration, then top-ups of 100. */
    public void user(String userId, int events) {
        jdbc.update(EVENTS.formatted("(select ?::text as id)"), userId, events);
    }

    /** Many users with the given number of events each. */
    public void users(int users, int eventsPerUser) {
        jdbc.update(EVENTS.formatted("(select gen_random_uuid()::text as id from generate_series(1, ?))"),
                users, eventsPerUser);
    }

    /**
     * A customer with a history of settled orders, as the service stores it: the registration, a large top-up,
     * one debit per order (each of its own order id), then {@code topUpsAfter} top-ups of 1.
     */
    public void userWithSettledOrders(String userId, int orders, int topUpsAfter) {
        jdbc.update("""
                with p as (select ?::text as id, ?::int as orders, ?::int as after)
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                  event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp)
                select nextval('domain_event_entry_seq'), p.id, s.seq, 'User', gen_random_uuid()::text,
                  case when s.seq = 0 then 'dev.eventshop.user.api.UserRegistered'
                       when s.seq between 2 and p.orders + 1 then 'dev.eventshop.user.api.BalanceDebited'
                       else 'dev.eventshop.user.api.BalanceToppedUp' end,
                  case when s.seq = 0 then '1' end,
                  convert_to(case
                    when s.seq = 0 then json_build_object('userId', p.id, 'name', 'Loyal', 'email',
                                                          p.id || '@seed.example', 'passwordHash', null)::text
                    when s.seq = 1 then json_build_object('userId', p.id, 'amount', 1000000000,
                                                          'balanceAfter', 1000000000)::text
                    when s.seq <= p.orders + 1 then json_build_object('userId', p.id,
                        'orderId', gen_random_uuid()::text, 'amount', 1, 'balanceAfter', 1000000001 - s.seq)::text
                    else json_build_object('userId', p.id, 'amount', 1,
                        'balanceAfter', 1000000000 - 2 * p.orders - 1 + s.seq)::text end, 'UTF8'),
                  convert_to('{}', 'UTF8'),
                  to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                from p cross join generate_series(0, p.orders + 1 + p.after) s(seq) order by s.seq""",
                userId, orders, topUpsAfter);
    }

    /** Items added to the catalogue, each with its own id and a name that sorts in a random place. */
    public void items(int count) {
        jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                  event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp)
                select nextval('domain_event_entry_seq'), i.id, 0, 'Item', gen_random_uuid()::text,
                  'dev.eventshop.item.api.ItemAdded', null,
                  convert_to(json_build_object('itemId', i.id, 'name', 'Seeded ' || md5(i.id), 'price', 100,
                                               'stock', 1000)::text, 'UTF8'),
                  convert_to('{}', 'UTF8'),
                  to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                from (select gen_random_uuid()::text as id from generate_series(1, ?)) i""", count);
    }

    /**
     * An item with a long history: added, then restocked by 1 in every later event, one event a second from
     * {@code from}; and a snapshot every {@code snapshotEvery} events, as the service's snapshotter would have
     * taken them (the JSON of the item's fields, revision 3).
     */
    public void itemWithHistory(String itemId, int events, java.time.Instant from, int snapshotEvery) {
        jdbc.update("""
                insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                  event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp)
                select nextval('domain_event_entry_seq'), ?, s.seq, 'Item', gen_random_uuid()::text,
                  case when s.seq = 0 then 'dev.eventshop.item.api.ItemAdded'
                       else 'dev.eventshop.item.api.ItemRestocked' end, null,
                  convert_to(case when s.seq = 0
                    then json_build_object('itemId', ?, 'name', 'Long-lived', 'price', 100, 'stock', 0)::text
                    else json_build_object('itemId', ?, 'quantity', 1, 'stockAfter', s.seq)::text end, 'UTF8'),
                  convert_to('{}', 'UTF8'),
                  to_char((?::timestamptz + s.seq * interval '1 second') at time zone 'utc',
                          'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                from generate_series(0, ? - 1) s(seq) order by s.seq""",
                itemId, itemId, itemId, java.sql.Timestamp.from(from), events);
        jdbc.update("""
                insert into snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                  payload_type, payload_revision, payload, meta_data, time_stamp)
                select ?, s.seq, 'Item', gen_random_uuid()::text, 'dev.eventshop.item.Item', '3',
                  convert_to(json_build_object('itemId', ?, 'name', 'Long-lived', 'price', 100,
                                               'stock', s.seq)::text, 'UTF8'),
                  convert_to('{}', 'UTF8'),
                  to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                from generate_series(?, ? - 1, ?) s(seq)""",
                itemId, itemId, snapshotEvery, events, snapshotEvery);
    }
}
