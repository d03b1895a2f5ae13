#pragma once
// Internal: the value of one hexadecimal digit (either case), for the UUID and JSON readers.

namespace tepei::sync::detail {

// 0..15, or -1 if c is not a hex digit.
inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace tepei::sync::detail
