package dev.fulcrum.api.features;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StateTextTest {

    @Test
    void namesSurviveND4JsBinaryFormatAsModelZipWritesIt() throws IOException {
        List<String> names = List.of("red", "", "grün, blau", "東京");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        Nd4j.write(StateText.encode(names), out);
        out.flush();
        INDArray read = Nd4j.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(names, StateText.decode(read));
        assertEquals(List.of(), StateText.decode(StateText.encode(List.of())));
    }

    @Test
    void aNulCharacterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StateText.encode(List.of("a\0b")));
    }
}
