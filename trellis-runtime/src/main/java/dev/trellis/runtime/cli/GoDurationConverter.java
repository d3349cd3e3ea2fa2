package dev.trellis.runtime.cli;

import dev.trellis.runtime.entry.GoDuration;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration option the way entries write durations ({@code 30s}, {@code 1m30s},
 * {@code 500ms}): {@code --timeout 10s}. A bad or non-positive value is a usage error naming it.
 */
final class GoDurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String text) {
        Duration d;
        try {
            d = GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (d.isZero() || d.isNegative()) {
            throw new TypeConversionException("'" + text + "' must be a positive duration such as 30s");
        }
        return d;
    }
}
