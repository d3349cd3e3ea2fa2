package dev.trellis.runtime.cli;

import dev.trellis.runtime.boot.LogLevel;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --log-level LEVEL}; a bad value is a usage error that lists the levels. */
final class LogLevelConverter implements ITypeConverter<LogLevel> {

    @Override
    public LogLevel convert(String text) {
        try {
            return LogLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
