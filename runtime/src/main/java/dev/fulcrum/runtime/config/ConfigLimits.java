package dev.fulcrum.runtime.config;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fulcrum.api.InvalidInputException;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The limits on a YAML (or JSON) document a user hands Fulcrum: pipeline files, data-source
 * mappings, {@code --set} values, the config inside a {@code model.zip}. Every such document is
 * read with {@link #MAPPER}; {@link ConfigDocument} adds the checks the parser cannot make
 * (aliases, tags, numbers out of range, duplicate keys).
 */
public final class ConfigLimits {

    /** The longest document, in characters, and the largest config file, in bytes (a pipeline is a few kilobytes). */
    public static final int MAX_CHARS = 1 << 20;
    /** The deepest nesting of mappings and lists (a pipeline nests fewer than 10 levels). */
    public static final int MAX_DEPTH = 64;

    /**
     * Jackson drives SnakeYAML's parser, not its composer, so of SnakeYAML's {@link LoaderOptions}
     * only the code point limit applies (it is checked by {@code ScannerImpl}); the nesting depth is
     * Jackson's {@link StreamReadConstraints}, which YAML parsers honour since Jackson 2.15.
     */
    public static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private ConfigLimits() {
    }

    /**
     * The text of a config file, refused (with the file's name) where it is larger than
     * {@link #MAX_CHARS} bytes or is not UTF-8; a UTF-8 byte order mark is allowed, as YAML allows it.
     *
     * @throws IOException where the file cannot be read (a {@code NoSuchFileException} where it is missing)
     */
    public static String text(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_CHARS) {
            throw new InvalidInputException(file + ": " + size + " bytes is more than a config may have (" + MAX_CHARS + ")");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new InvalidInputException(file + ": the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + ": not UTF-8 text (" + firstBadByte(bytes) + ")");
        }
    }

    /** Where decoding stops, for the message: the line and byte offset of the first byte that is not UTF-8. */
    private static String firstBadByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int offset = in.position();
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return "line " + line + ", byte " + offset + ": 0x" + String.format("%02x", bytes[offset] & 0xff);
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS);
        return options;
    }
}
