/**
 * Crypto-shredding: personal data sealed in the store with a data key per person, the data keys sealed with a
 * master key; erasing a person destroys their key, and their events stay.
 */
package dev.eventshop.platform.privacy;
