#include "hex.h"

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>
#include <tepei/sync/ids.h>

namespace tepei::sync {

boost::uuids::uuid newUuid()
{
    thread_local boost::uuids::random_generator generator;
    return generator();
}

std::string newUuidString()
{
    return toString(newUuid());
}

std::string toString(const boost::uuids::uuid& id)
{
    return boost::uuids::to_string(id);
}

Result<boost::uuids::uuid> parseUuid(std::string_view text)
{
    const auto invalid = [&] {
        return Error{"invalid_uuid",
                     "'" + std::string(text.substr(0, 64)) +
                         "' is not a UUID; expected 36 characters like 0f8fad5b-d9cb-469f-a165-70867728950e",
                     {}};
    };
    if (text.size() != 36)
        return invalid();
    boost::uuids::uuid id{};
    std::size_t byte = 0;
    for (std::size_t i = 0; i < 36;) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-')
                return invalid();
            ++i;
            continue;
        }
        const int hi = detail::hexValue(text[i]);
        const int lo = detail::hexValue(text[i + 1]);
        if (hi < 0 || lo < 0)
            return invalid();
        id.data[byte++] = static_cast<std::uint8_t>(hi * 16 + lo);
        i += 2;
    }
    return id;
}

} // namespace tepei::sync
