#pragma once
// R-TRN-2: the completion certificate's serial number and masked identity number.

#include <string>
#include <tepei/model/campaign/campaign.h>
#include <tepei/model/reference/resident_id.h> // maskResidentId

namespace tepei::model {

// "TP" + campaign id + "-" + the sequence zero-padded to 4 digits, e.g. "TP2024-0001"; wider
// sequences keep all their digits. `sequence` starts at 1.
std::string certificateSerial(const Campaign& campaign, int sequence);

} // namespace tepei::model
