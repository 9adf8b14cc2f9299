/**
 * The HTTP edge shared by every controller: problem details for every error, input limits and id rules, and
 * the OpenAPI description.
 */
package dev.eventshop.platform.web;
