/**
 * Infrastructure that the features stand on, one concern per package. Nothing in it depends on a feature.
 */
package dev.eventshop.platform;
