package dev.eventshop.platform.projections;

import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The projections the features declare, each with its two slots. */
@Component
public class ProjectionCatalog {

    private final Map<String, ProjectionDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, List<ProjectionSlot>> slots = new LinkedHashMap<>();
    private final Map<String, ProjectionSlot> slotsByProcessor = new LinkedHashMap<>();

    ProjectionCatalog(List<ProjectionDefinition> declared) {
        declared.stream().sorted(Comparator.comparing(ProjectionDefinition::name)).forEach(definition -> {
            if (definitions.put(definition.name(), definition) != null) {
                throw new IllegalStateException("Two projections are named " + definition.name());
            }
            List<ProjectionSlot> pair = List.of(new ProjectionSlot(definition.name(), ProjectionSlot.BLUE),
                    new ProjectionSlot(definition.name(), ProjectionSlot.GREEN));
            slots.put(definition.name(), pair);
            pair.forEach(slot -> slotsByProcessor.put(slot.processorName(), slot));
        });
    }

    public List<ProjectionDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    public Optional<ProjectionDefinition> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    public List<ProjectionSlot> slots(String projection) {
        return slots.getOrDefault(projection, List.of());
    }

    /** The slot whose processor has this name, if it is one of a projection's. */
    public Optional<ProjectionSlot> slotOfProcessor(String processorName) {
        return Optional.ofNullable(slotsByProcessor.get(processorName));
    }

    ProjectionSlot slot(String projection, String color) {
        return slots(projection).stream().filter(slot -> slot.color().equals(color)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No slot " + color + " of " + projection));
    }
}
