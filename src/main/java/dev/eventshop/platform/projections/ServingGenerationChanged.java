package dev.eventshop.platform.projections;

/**
 * Published on a node when the generation its readers read of a projection changes: live subscribers are then
 * told the state of what they follow as the new generation has it, since changes the new generation handled
 * before this node switched to it were told to nobody.
 */
public record ServingGenerationChanged(ProjectionDefinition projection, long generation) {
}
