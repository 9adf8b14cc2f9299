package dev.eventshop.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants of docs/design.md, recomputed from the event store alone with SQL: money and stock are conserved,
 * nothing is negative, a rejected order holds nothing back and a confirmed one paid for what it reserved.
 */
public final class StoreInvariants {

    private static final String EVENTS = """
            select aggregate_identifier as id, payload_type as type, sequence_number as seq,
                   convert_from(payload, 'UTF8')::jsonb as body
            from domain_event_entry""";

    private final JdbcTemplate jdbc;

    public StoreInvariants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every user's balance after its last event equals top-ups − debits + refunds, and is never negative. */
    public void balancesAreConserved() {
        List<String> broken = jdbc.queryForList("""
                with e as (%s where payload_type like 'dev.eventshop.user.api.Balance%%'),
                sums as (
                  select id,
                    sum(case when type like '%%BalanceToppedUp' then (body->>'amount')::bigint else 0 end)
                    - sum(case when type like '%%BalanceDebited' then (body->>'amount')::bigint else 0 end)
                    + sum(case when type like '%%BalanceRefunded' then (body->>'amount')::bigint else 0 end) as computed,
                    min(coalesce((body->>'balanceAfter')::bigint, 0)) as lowest
                  from e group by id),
                last as (
                  select distinct on (id) id, (body->>'balanceAfter')::bigint as balance
                  from e where body ? 'balanceAfter' order by id, seq desc)
                select s.id from sums s join last l using (id) where s.computed <> l.balance or s.lowest < 0
                """.formatted(EVENTS), String.class);
        assertThat(broken).as("users whose balance is not top-ups - debits + refunds, or went negative").isEmpty();
    }

    /** Every item's stock after its last event equals added + restocked − reserved + released, never negative. */
    public void stockIsConserved() {
        List<String> broken = jdbc.queryForList("""
                with e as (%s where payload_type like 'dev.eventshop.item.api.%%'),
                sums as (
                  select id,
                    sum(case when type like '%%ItemAdded' then (body->>'stock')::int else 0 end)
                    + sum(case when type like '%%ItemRestocked' then (body->>'quantity')::int else 0 end)
                    - sum(case when type like '%%StockReserved' then (body->>'quantity')::int else 0 end)
                    + sum(case when type like '%%StockReleased' then (body->>'quantity')::int else 0 end) as computed,
                    min(coalesce((body->>'stockAfter')::int, 0)) as lowest
                  from e group by id),
                last as (
                  select distinct on (id) id,
                    coalesce((body->>'stockAfter')::int, (body->>'stock')::int) as stock
                  from e where body ? 'stockAfter' or type like '%%ItemAdded' order by id, seq desc)
                select s.id from sums s join last l using (id) where s.computed <> l.stock or s.lowest < 0
                """.formatted(EVENTS), String.class);
        assertThat(broken).as("items whose stock is not conserved, or went negative").isEmpty();
    }

    /** Rejected orders hold no stock and no money; confirmed ones reserved every line and were debited once. */
    public void ordersAreSettled() {
        List<String> broken = jdbc.queryForList("""
                with e as (%s),
                orders as (
                  select id as order_id,
                    bool_or(type like '%%OrderConfirmed') as confirmed,
                    bool_or(type like '%%OrderRejected') as rejected,
                    max(case when type like '%%OrderConfirmed' then (body->>'total')::bigint end) as total
                  from e where type like 'dev.eventshop.order.api.%%' group by id),
                held as (
                  select body->>'orderId' as order_id,
                    sum(case when type like '%%StockReserved' then (body->>'quantity')::int
                             when type like '%%StockReleased' then -(body->>'quantity')::int else 0 end) as units,
                    sum(case when type like '%%BalanceDebited' then (body->>'amount')::bigint
                             when type like '%%BalanceRefunded' then -(body->>'amount')::bigint else 0 end) as money
                  from e where body ? 'orderId' and type not like 'dev.eventshop.order.api.%%'
                  group by body->>'orderId')
                select o.order_id from orders o left join held h using (order_id)
                where (o.confirmed and o.rejected)
                   or (o.rejected and (coalesce(h.units, 0) <> 0 or coalesce(h.money, 0) <> 0))
                   or (o.confirmed and coalesce(h.money, 0) <> o.total)
                """.formatted(EVENTS), String.class);
        assertThat(broken).as("orders not settled: both outcomes, or holding stock or money they should not; "
                + "their events: %s", storiesOf(broken)).isEmpty();
    }

    /** Every event about each order, in store order: what a failure message needs to explain itself. */
    private List<String> storiesOf(List<String> orders) {
        return orders.stream().flatMap(order -> jdbc.queryForList("""
                select global_index || ' ' || aggregate_identifier || '#' || sequence_number || ' '
                       || substring(payload_type from '[^.]+$') || ' ' || convert_from(payload, 'UTF8')
                from domain_event_entry
                where aggregate_identifier = ? or convert_from(payload, 'UTF8')::jsonb ->> 'orderId' = ?
                order by global_index""", String.class, order, order).stream()).toList();
    }

    public long pendingOrders() {
        return jdbc.queryForObject("""
                select count(distinct aggregate_identifier) from domain_event_entry p
                where payload_type = 'dev.eventshop.order.api.OrderPlaced' and not exists (
                  select 1 from domain_event_entry t where t.aggregate_identifier = p.aggregate_identifier
                  and t.payload_type in ('dev.eventshop.order.api.OrderConfirmed',
                                         'dev.eventshop.order.api.OrderRejected'))""", Long.class);
    }

    public long activeSagas() {
        return jdbc.queryForObject("select count(*) from saga_entry", Long.class);
    }

    public void allHold() {
        balancesAreConserved();
        stockIsConserved();
        ordersAreSettled();
    }
}
