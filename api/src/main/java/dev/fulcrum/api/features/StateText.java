package dev.fulcrum.api.features;

import dev.fulcrum.api.Stable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Names in a transform's {@link FeatureTransform#state()}, which holds arrays only (and ND4J's text
 * arrays do not survive its binary format): the names as UTF-8 bytes, each followed by a 0 byte.
 */
@Stable
public final class StateText {

    private StateText() {
    }

    public static INDArray encode(List<String> names) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String name : names) {
            if (name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a name in a transform's state may not hold a NUL character: " + name);
            }
            bytes.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
        }
        return Nd4j.createFromArray(bytes.toByteArray());
    }

    public static List<String> decode(INDArray encoded) {
        byte[] bytes = new byte[(int) encoded.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) encoded.getInt(i);
        }
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                names.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return names;
    }
}
