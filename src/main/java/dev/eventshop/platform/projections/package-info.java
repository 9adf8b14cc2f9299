/**
 * Blue/green projections. A feature declares each of its projections ({@link
 * dev.eventshop.platform.projections.ProjectionDefinition}): a name, a version in code, the tables of its rows
 * and its handlers. The platform gives each projection two slots, blue and green, each with its own tracking
 * processor, and keeps its rows in generations. Readers read the generation that serves them, chosen in the same
 * SQL statement ({@code serving_generation}); a rebuild builds a new generation in the free slot while the
 * serving one goes on, and switches readers to it in one transaction once it has caught up. A node whose code has
 * a newer version of a projection rebuilds it on start.
 */
package dev.eventshop.platform.projections;
