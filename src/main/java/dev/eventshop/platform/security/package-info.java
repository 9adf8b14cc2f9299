/**
 * HTTP Basic sign-in for the admin and customers without BCrypt on every request, the access rules, and 401/403
 * answered as problem details.
 */
package dev.eventshop.platform.security;
