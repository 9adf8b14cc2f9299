/**
 * The warehouse (internals): the Item aggregate, which decides on reservations so that stock never goes negative,
 * the catalogue projection and the HTTP controller. Other features see only {@code item.api}.
 */
package dev.eventshop.item;
