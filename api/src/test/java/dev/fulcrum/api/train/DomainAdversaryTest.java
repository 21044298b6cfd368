package dev.fulcrum.api.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DomainAdversaryTest {

    /** Ganin et al.: lambda_p = 2 / (1 + exp(-10 p)) - 1, from 0 to 2 / (1 + e^-10) - 1 = 0.99991. */
    @Test
    void ganinScheduleRisesFromZeroTowardsItsMaximum() {
        DomainAdversary adversary = DomainAdversary.ganin(List.of(8), 1.0, 10);
        assertEquals(0.0, adversary.lambda().applyAsDouble(0), 1e-12);
        assertEquals(0.462117, adversary.lambda().applyAsDouble(0.1), 1e-6);
        assertEquals(0.999909, adversary.lambda().applyAsDouble(1), 1e-6);
        assertEquals(0.5 * 0.999909, DomainAdversary.ganin(List.of(8), 0.5, 10).lambda().applyAsDouble(1), 1e-6);
    }

    @Test
    void aPhaseCarriesItsAdversaryThroughToBuilder() {
        DomainAdversary adversary = DomainAdversary.ganin(List.of(8), 1.0, 10);
        Phase phase = Phase.named("p").task("specific").domainAdversary(adversary).build();
        Phase copy = phase.toBuilder().task("domain").build();
        assertEquals(adversary, copy.domainAdversary());
        assertEquals(2, copy.taskWeights().size());
        assertEquals(phase.epochs(), copy.epochs());
    }
}
