package io.github.ecsmock.internal.state;

import io.github.ecsmock.internal.arn.Arns;
import java.util.Optional;

/**
 * A task definition as a request names it: {@code family}, {@code family:revision} or a full ARN. The
 * revision is kept as text so that each operation can answer a missing or malformed one its own way.
 */
public record TaskDefinitionReference(String family, String revisionText) {

    /** The reference a text makes, or empty for an ARN of another account, region or resource type. */
    public static Optional<TaskDefinitionReference> parse(Arns arns, String text) {
        String rest;
        if (text.startsWith("arn:")) {
            Optional<String> resource = arns.resourceOf(text).filter(r -> r.startsWith("task-definition/"));
            if (resource.isEmpty()) {
                return Optional.empty();
            }
            rest = resource.get().substring("task-definition/".length());
        } else {
            rest = text;
        }
        int colon = rest.lastIndexOf(':');
        if (colon < 0) {
            return Optional.of(new TaskDefinitionReference(rest, null));
        }
        return Optional.of(new TaskDefinitionReference(rest.substring(0, colon), rest.substring(colon + 1)));
    }

    public boolean hasRevision() {
        return revisionText != null;
    }

    /** The revision number, or empty when there is none or it is not a positive number. */
    public Optional<Integer> revision() {
        if (revisionText == null || !revisionText.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        int revision = Integer.parseInt(revisionText);
        return revision > 0 ? Optional.of(revision) : Optional.empty();
    }
}
