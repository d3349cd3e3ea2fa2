package dev.trellis.lua;

/**
 * Wires the pure text algorithms (patterns, format, pack, utf8, os.date) into the libraries.
 * Until those classes exist, only what is written here is available.
 */
final class TextBridge {
    private TextBridge() {}

    static void installString(LuaTable t) {
    }

    /** os.date formatting of the common C strftime conversions. */
    static String strftime(String fmt, java.time.ZonedDateTime dt) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                sb.append(c);
                continue;
            }
            char d = fmt.charAt(++i);
            switch (d) {
                case 'Y' -> sb.append(dt.getYear());
                case 'm' -> sb.append(String.format("%02d", dt.getMonthValue()));
                case 'd' -> sb.append(String.format("%02d", dt.getDayOfMonth()));
                case 'H' -> sb.append(String.format("%02d", dt.getHour()));
                case 'M' -> sb.append(String.format("%02d", dt.getMinute()));
                case 'S' -> sb.append(String.format("%02d", dt.getSecond()));
                case 'y' -> sb.append(String.format("%02d", dt.getYear() % 100));
                case 'p' -> sb.append(dt.getHour() < 12 ? "AM" : "PM");
                case 'c' -> sb.append(java.time.format.DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", java.util.Locale.ROOT).format(dt));
                case 'x' -> sb.append(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yy", java.util.Locale.ROOT).format(dt));
                case 'X' -> sb.append(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT).format(dt));
                case '%' -> sb.append('%');
                default -> sb.append('%').append(d);
            }
        }
        return sb.toString();
    }
}
