package io.github.ecsmock.internal.ecs;

import io.github.ecsmock.internal.errors.Errors;
import io.github.ecsmock.internal.state.ClusterQuery;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.ecs.model.PlacementConstraint;
import software.amazon.awssdk.services.ecs.model.PlacementStrategy;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint;

/**
 * The rules RunTask, CreateService and UpdateService share for placement constraints and strategies:
 * at most 10 constraints and 5 strategies, a {@code memberOf} needs a valid cluster query expression
 * and a {@code distinctInstance} takes none, {@code binpack} packs by {@code cpu} or {@code memory},
 * {@code spread} needs a field. The messages for these are not captured anywhere we found; they are
 * written in ECS's style and name the member at fault.
 */
final class PlacementRules {
    static final int MAX_CONSTRAINTS = 10;
    static final int MAX_STRATEGIES = 5;
    static final int MAX_EXPRESSION_LENGTH = 2000;

    private PlacementRules() {
    }

    /**
     * A task definition's own constraints, checked when it is registered: every task and service of the
     * definition carries them into placement, where one that cannot be parsed would fail each launch.
     */
    static void checkDefinition(List<TaskDefinitionPlacementConstraint> constraints) {
        if (constraints.size() > MAX_CONSTRAINTS) {
            throw Errors.invalidParameter("placementConstraints can have at most " + MAX_CONSTRAINTS + " items.");
        }
        for (TaskDefinitionPlacementConstraint constraint : constraints) {
            if (constraint.type() == null) {
                throw Errors.invalidParameter("Placement constraint type must be specified.");
            }
            checkMemberOf(constraint.expression());
        }
    }

    private static void checkMemberOf(String expression) {
        if (expression == null || expression.isBlank()) {
            throw Errors.invalidParameter("An expression must be specified for a memberOf placement constraint.");
        }
        if (expression.length() > MAX_EXPRESSION_LENGTH) {
            // The model: "The expression can have a maximum length of 2000 characters."
            throw Errors.invalidParameter("A memberOf expression can have at most " + MAX_EXPRESSION_LENGTH
                    + " characters; this one has " + expression.length() + ".");
        }
        ClusterQuery.parse(expression);
    }

    static void check(List<PlacementConstraint> constraints, List<PlacementStrategy> strategies) {
        if (constraints.size() > MAX_CONSTRAINTS) {
            throw Errors.invalidParameter("placementConstraints can have at most " + MAX_CONSTRAINTS + " items.");
        }
        if (strategies.size() > MAX_STRATEGIES) {
            throw Errors.invalidParameter("placementStrategy can have at most " + MAX_STRATEGIES + " items.");
        }
        for (PlacementConstraint constraint : constraints) {
            String type = constraint.typeAsString();
            if (type == null) {
                throw Errors.invalidParameter("Placement constraint type must be specified.");
            }
            if (type.equals("memberOf")) {
                checkMemberOf(constraint.expression());
            } else if (type.equals("distinctInstance") && constraint.expression() != null && !constraint.expression().isEmpty()) {
                throw Errors.invalidParameter("An expression cannot be specified for a distinctInstance placement constraint.");
            }
        }
        for (PlacementStrategy strategy : strategies) {
            String type = strategy.typeAsString();
            String field = strategy.field();
            if (type == null) {
                throw Errors.invalidParameter("Placement strategy type must be specified.");
            }
            switch (type) {
                case "binpack" -> {
                    String lower = field == null ? "" : field.toLowerCase(Locale.ROOT);
                    if (!lower.equals("cpu") && !lower.equals("memory")) {
                        throw Errors.invalidParameter("Invalid field for binpack placement strategy: " + field
                                + ". Specify cpu or memory.");
                    }
                }
                case "spread" -> {
                    if (field == null || field.isBlank()) {
                        throw Errors.invalidParameter("A field must be specified for a spread placement strategy.");
                    }
                    String lower = field.toLowerCase(Locale.ROOT);
                    if (!lower.equals("instanceid") && !lower.equals("host")
                            && !(field.startsWith("attribute:") && field.length() > "attribute:".length())) {
                        throw Errors.invalidParameter("Invalid field for spread placement strategy: " + field
                                + ". Specify instanceId, host or attribute:<name>.");
                    }
                }
                case "random" -> {
                    if (field != null && !field.isEmpty()) {
                        throw Errors.invalidParameter("A field cannot be specified for a random placement strategy.");
                    }
                }
                default -> {
                    // other values are refused by the model's enum check before this
                }
            }
        }
    }
}
