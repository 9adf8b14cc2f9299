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
}
