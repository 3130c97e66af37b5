package io.github.ecsmock.internal.state;

import io.github.ecsmock.EcsClock;
import io.github.ecsmock.internal.paging.PageTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link EcsState} per (account, region), made on first use; clients of two regions or accounts
 * never see each other's resources. {@link #reset()} forgets them all in one step.
 */
public final class EcsStates {
    /**
     * The key of one state. Its equality is written out: every request looks its state up, and the
     * record's generated methods went through method-handle combinators that cost a request more than
     * comparing two strings.
     */
    private record Scope(String account, String region) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Scope scope && Objects.equals(account, scope.account) && Objects.equals(region, scope.region);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(account) + Objects.hashCode(region);
        }
    }

    private final Map<Scope, EcsState> states = new ConcurrentHashMap<>();
    private final EcsClock clock;
    private final PageTokens pageTokens = new PageTokens();
    private final long seed;
    private final Duration lifecycleStep;
    private final Faults faults = new Faults();

    public EcsStates(EcsClock clock, long seed, Duration lifecycleStep) {
        this.clock = clock;
        this.seed = seed;
        this.lifecycleStep = lifecycleStep;
    }

    /** The misbehaviour tests asked for, shared by every account and region. */
    public Faults faults() {
        return faults;
    }

    public EcsState of(String account, String region) {
        return states.computeIfAbsent(new Scope(account, region),
                scope -> new EcsState(scope.account(), scope.region(), clock, pageTokens, seed, lifecycleStep, faults));
    }

    public List<EcsState> all() {
        return List.copyOf(states.values());
    }

    public void reset() {
        states.clear();
    }

    public EcsClock clock() {
        return clock;
    }
}
