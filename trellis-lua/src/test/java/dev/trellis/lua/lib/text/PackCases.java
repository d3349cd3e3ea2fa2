package dev.trellis.lua.lib.text;

/** string.pack, unpack and packsize. Cases with PUC Lua 5.4's answers, recorded by {@code puc-cases.lua}. */
final class PackCases {
    private PackCases() {
    }

    static final String CASES = """
> pack("b", 1)
= "\\001"
> pack("b", -1)
= "\\255"
> pack("b", 127)
= "\\127"
> pack("b", 128)
= E: bad argument #2 to 'pack' (integer overflow)
> pack("b", -129)
= E: bad argument #2 to 'pack' (integer overflow)
> pack("B", 255)
= "\\255"
> pack("B", 256)
= E: bad argument #2 to 'pack' (unsigned overflow)
> pack("B", -1)
= E: bad argument #2 to 'pack' (unsigned overflow)
> pack("<h", 0x1234)
= "4\\018"
> pack(">h", 0x1234)
= "\\0184"
> pack("=h", 0x1234)
= "4\\018"
> pack("<H", 65535)
= "\\255\\255"
> pack("<H", 65536)
= E: bad argument #2 to 'pack' (unsigned overflow)
> pack("<i", 1)
= "\\001\\000\\000\\000"
> pack("<i3", -2)
= "\\254\\255\\255"
> pack("<i3", 8388608)
= E: bad argument #2 to 'pack' (integer overflow)
> pack("<I3", 16777215)
= "\\255\\255\\255"
> pack("<i16", -1)
= "\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255"
> pack(">i16", 1)
= "\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\001"
> pack("<I16", -1)
= "\\255\\255\\255\\255\\255\\255\\255\\255\\000\\000\\000\\000\\000\\000\\000\\000"
> pack("<i17", 1)
= E: integral size (17) out of limits [1,16]
> pack("<i0", 1)
= E: integral size (0) out of limits [1,16]
> pack("<l", -2)
= "\\254\\255\\255\\255\\255\\255\\255\\255"
> pack(">L", 1)
= "\\000\\000\\000\\000\\000\\000\\000\\001"
> pack("<j", mininteger)
= "\\000\\000\\000\\000\\000\\000\\000\\128"
> pack("<J", -1)
= "\\255\\255\\255\\255\\255\\255\\255\\255"
> pack("<T", 7)
= "\\007\\000\\000\\000\\000\\000\\000\\000"
> pack("<f", 1.5)
= "\\000\\000\\192?"
> pack(">f", -0.1)
= "\\189\\204\\204\\205"
> pack("<d", 1.5)
= "\\000\\000\\000\\000\\000\\000\\248?"
> pack(">n", 0.1)
= "?\\185\\153\\153\\153\\153\\153\\154"
> pack("<d", 3)
= "\\000\\000\\000\\000\\000\\000\\008@"
> pack("<i", 3.0)
= "\\003\\000\\000\\000"
> pack("<i", 3.5)
= E: bad argument #2 to 'pack' (number has no integer representation)
> pack("<i", "7")
= "\\007\\000\\000\\000"
> pack("<i", "x")
= E: bad argument #2 to 'pack' (number expected, got string)
> pack("<i")
= E: bad argument #2 to 'pack' (number expected, got nil)
> pack("<i", nil)
= E: bad argument #2 to 'pack' (number expected, got nil)
> pack("z", "hello")
= "hello\\000"
> pack("z", "a\\0b")
= E: bad argument #2 to 'pack' (string contains zeros)
> pack("s", "hi")
= "\\002\\000\\000\\000\\000\\000\\000\\000hi"
> pack("<s1", "hi")
= "\\002hi"
> pack(">s2", "hi")
= "\\000\\002hi"
> pack("s1", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
= E: bad argument #2 to 'pack' (string length does not fit in given size)
> pack("c5", "abc")
= "abc\\000\\000"
> pack("c2", "abc")
= E: bad argument #2 to 'pack' (string longer than given size)
> pack("c", "abc")
= E: missing size for format option 'c'
> pack("c0", "")
= ""
> pack("s", 12)
= "\\002\\000\\000\\000\\000\\000\\000\\00012"
> pack("z", {})
= E: bad argument #2 to 'pack' (string expected, got table)
> pack("<i2 x i2", 1, 2)
= "\\001\\000\\000\\002\\000"
> pack("<b Xi4 i4", 1, 2)
= "\\001\\002\\000\\000\\000"
> pack("!<b i4", 1, 2)
= "\\001\\000\\000\\000\\002\\000\\000\\000"
> pack("!2<b i4", 1, 2)
= "\\001\\000\\002\\000\\000\\000"
> pack("!<b d", 1, 2)
= "\\001\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000@"
> pack("!4<b d", 1, 2)
= "\\001\\000\\000\\000\\000\\000\\000\\000\\000\\000\\000@"
> pack("!<b Xh", 1)
= "\\001\\000"
> pack("!3 b i3", 1, 2)
= E: bad argument #1 to 'pack' (format asks for alignment not power of 2)
> pack("!<b i3", 1, 2)
= E: bad argument #1 to 'pack' (format asks for alignment not power of 2)
> pack("<!8 b Xi16", 1)
= "\\001\\000\\000\\000\\000\\000\\000\\000"
> pack("X", 1)
= E: bad argument #1 to 'pack' (invalid next option for option 'X')
> pack("Xc1", 1)
= E: bad argument #1 to 'pack' (invalid next option for option 'X')
> pack("bXz", 1)
= E: bad argument #1 to 'pack' (invalid next option for option 'X')
> pack("y", 1)
= E: invalid format option 'y'
> pack("i4 y", 1)
= E: invalid format option 'y'
> pack("  < i2  > i2 ", 1, 2)
= "\\001\\000\\000\\002"
> pack("b\\0b", 1, 2)
= "\\001"
> pack("!17", 1)
= E: integral size (17) out of limits [1,16]
> pack("")
= ""
> unpack("<i2", "\\1\\2")
= 513, 3
> unpack(">i2", "\\1\\2")
= 258, 3
> unpack("<b", "\\255")
= -1, 2
> unpack("<B", "\\255")
= 255, 2
> unpack("<i3", "\\254\\255\\255")
= -2, 4
> unpack("<I3", "\\254\\255\\255")
= 16777214, 4
> unpack("<i16", "\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255\\255")
= -1, 17
> unpack("<i16", "\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0")
= 1, 17
> unpack("<i16", "\\1\\0\\0\\0\\0\\0\\0\\0\\1\\0\\0\\0\\0\\0\\0\\0")
= E: 16-byte integer does not fit into Lua Integer
> unpack("<I9", "\\255\\255\\255\\255\\255\\255\\255\\255\\0")
= -1, 10
> unpack("<i9", "\\255\\255\\255\\255\\255\\255\\255\\127\\255")
= E: 9-byte integer does not fit into Lua Integer
> unpack("<j", "\\0\\0\\0\\0\\0\\0\\0\\128")
= -9223372036854775808, 9
> unpack("<f", "\\0\\0\\192\\63")
= f000000000000f83f, 5
> unpack("<d", "\\0\\0\\0\\0\\0\\0\\248\\63")
= f000000000000f83f, 9
> unpack(">d", "\\63\\248\\0\\0\\0\\0\\0\\0")
= f000000000000f83f, 9
> unpack("z", "hello\\0world")
= "hello", 7
> unpack("zz", "a\\0b\\0")
= "a", "b", 5
> unpack("z", "hello")
= E: bad argument #2 to 'unpack' (unfinished string for format 'z')
> unpack("s1", "\\3abc")
= "abc", 5
> unpack("s1", "\\4abc")
= E: bad argument #2 to 'unpack' (data string too short)
> unpack("<s2", "\\2\\0hi!")
= "hi", 5
> unpack("c3", "abcdef")
= "abc", 4
> unpack("c3", "ab")
= E: bad argument #2 to 'unpack' (data string too short)
> unpack("c3", "abcdef", 4)
= "def", 7
> unpack("c3", "abcdef", -3)
= "def", 7
> unpack("c3", "abcdef", 5)
= E: bad argument #2 to 'unpack' (data string too short)
> unpack("c0", "abc", 4)
= "", 4
> unpack("c1", "abc", 5)
= E: bad argument #3 to 'unpack' (initial position out of string)
> unpack("b", "abc", -10)
= 97, 2
> unpack("<i4", "\\1\\0\\0")
= E: bad argument #2 to 'unpack' (data string too short)
> unpack("!<b i4", "\\1\\0\\0\\0\\2\\0\\0\\0")
= 1, 2, 9
> unpack("<b x b", "\\1\\0\\2")
= 1, 2, 4
> unpack("<b Xi4 b", "\\1\\0\\0\\0\\2")
= 1, 0, 3
> unpack("i2 i2 i2", "\\1\\0\\2\\0\\3\\0")
= 1, 2, 3, 7
> unpack("", "abc")
= 1
> unpack("", "abc", 3)
= 3
> unpack("y", "abc")
= E: invalid format option 'y'
> packsize("i4")
= 4
> packsize("<i4 i8 d")
= 20
> packsize("!<b i4 b d")
= 24
> packsize("!2 b i8")
= 10
> packsize("c100")
= 100
> packsize("s")
= E: bad argument #1 to 'packsize' (variable-length format)
> packsize("z")
= E: bad argument #1 to 'packsize' (variable-length format)
> packsize("c2147483647")
= E: invalid format option '7'
> packsize("c2147483647 c1")
= E: invalid format option '7'
> packsize("c1000000000 c1000000000 c1000000000")
= E: bad argument #1 to 'packsize' (format result too large)
> packsize("i16 i1 i2 i3 i4 i5 i6 i7 i8 i9 i10 i11 i12 i13 i14 i15")
= 136
> packsize("!8 b Xd")
= 8
> packsize("!8 b Xi3")
= E: bad argument #1 to 'packsize' (format asks for alignment not power of 2)
> packsize("x x x")
= 3
> packsize("<>=!")
= 0
> packsize("c")
= E: missing size for format option 'c'
        """;
}
