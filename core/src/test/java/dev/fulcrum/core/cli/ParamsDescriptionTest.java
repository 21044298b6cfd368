package dev.fulcrum.core.cli;

import dev.fulcrum.api.Doc;
import dev.fulcrum.api.InvalidParamsException;
import dev.fulcrum.api.params.AtLeast;
import dev.fulcrum.api.params.Positive;
import dev.fulcrum.api.params.Range;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@code fulcrum describe TYPE} prints for a params record. */
class ParamsDescriptionTest {

    record Stopping(@Doc("epochs without improvement") @AtLeast(1) Integer patience) {
        Stopping {
            patience = patience == null ? 5 : patience;
        }
    }

    record Gate(@Doc("the metric to bound") String metric, @Doc("the least acceptable value") @Range("[0, 1]") Double min) {
        Gate {
            if (metric == null) {
                throw new InvalidParamsException("metric", "missing");
            }
        }
    }

    record Layer(@Doc("units") @AtLeast(1) Integer units) {
        Layer {
            units = units == null ? 8 : units;
        }
    }

    record Params(@Doc("maximum number of epochs") @AtLeast(1) Integer epochs,
                  @Doc("Adam learning rate") @Positive Double learningRate,
                  @Doc("hidden layer sizes") List<@AtLeast(1) Integer> hidden,
                  @Doc("early stopping") Stopping stopping,
                  @Doc("policy gates") List<Gate> gates,
                  @Doc("extra layers") List<Layer> layers,
                  @Doc("a name") String name) {
        Params {
            epochs = epochs == null ? 30 : epochs;
            learningRate = learningRate == null ? 1e-3 : learningRate;
            hidden = hidden == null ? List.of(64) : hidden;
            stopping = stopping == null ? new Stopping(null) : stopping;
            gates = gates == null ? List.of() : gates;
        }
    }

    /** An element of gates binds only with a metric, so its fields' defaults are unknown ("?"); a layer binds empty. */
    @Test
    void eachParamShowsItsConstraintAndListsOfRecordsAreExpanded() {
        assertEquals(List.of(
                "    epochs             integer          >= 1       default 30",
                "      maximum number of epochs",
                "    learning-rate      number           > 0        default 0.001",
                "      Adam learning rate",
                "    hidden             list of integer  each >= 1  default [64]",
                "      hidden layer sizes",
                "    stopping           mapping                     default {\"patience\":5}",
                "      early stopping",
                "    stopping.patience  integer          >= 1       default 5",
                "      epochs without improvement",
                "    gates              list of mapping             default []",
                "      policy gates",
                "    gates[].metric     string                      default ?",
                "      the metric to bound",
                "    gates[].min        number           in [0, 1]  default ?",
                "      the least acceptable value",
                "    layers             list of mapping             default none",
                "      extra layers",
                "    layers[].units     integer          >= 1       default 8",
                "      units",
                "    name               string                      default none",
                "      a name"),
                ParamsDescription.of(Params.class).lines());
    }
}
