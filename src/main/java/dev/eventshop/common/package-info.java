/**
 * Types that the messages of several features share: the mark of an event about an order, the exception for a
 * broken domain rule, and what a replay asks of the projections. Nothing here depends on a feature.
 */
package dev.eventshop.common;
