/**
 * Customer accounts (internals): the User aggregate, which decides on balance changes, the users projection, the
 * e-mail claims that keep addresses unique, and the HTTP controller. Other features see only {@code user.api}.
 */
package dev.eventshop.user;
