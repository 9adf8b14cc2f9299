/**
 * Orders (internals): the Order aggregate, the saga that reserves stock, debits the balance and compensates on
 * failure, the manager that gives each order's events to one saga segment, the orders projection with each order's
 * story, and the HTTP controller. Other features see only {@code order.api}.
 */
package dev.eventshop.order;
