/**
 * Types that the messages of several features share: the mark of an event about an order, the mark of a command
 * that is a step of an order and the guard that drops such steps once their order is settled, the exception for a
 * broken domain rule, and what a replay asks of the projections. Nothing here depends on a feature.
 */
package dev.eventshop.common;
