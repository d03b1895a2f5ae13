// R-TRN-2: the completion certificate's serial.
#include <cstdio>
#include <tepei/model/rules/certificate.h>

namespace tepei::model {

std::string certificateSerial(const Campaign& campaign, int sequence)
{
    char number[16];
    std::snprintf(number, sizeof number, "%04d", sequence);
    return "TP" + campaign.id + "-" + number;
}

} // namespace tepei::model
