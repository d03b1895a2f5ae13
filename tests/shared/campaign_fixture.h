#pragma once
// Test fixture: the shipped 2024 campaign (data/campaigns/2024.json, via TEPEI_DATA_DIR).

// <gtest/gtest.h> must precede any cpprestsdk header (the sorted order below keeps it so):
// cpprest's asyncrt_utils.h defines a macro U() that breaks gtest-internal.h otherwise.
#include <cstdio>
#include <cstdlib>
#include <gtest/gtest.h>
#include <string>
#include <tepei/model/campaign/campaign.h>

namespace tepei::model::test {

inline std::string campaignPath()
{
    return std::string(TEPEI_DATA_DIR) + "/campaigns/2024.json";
}

// The shipped data/campaigns/2024.json; aborts the test program if it does not load.
inline const Campaign& campaign2024()
{
    static const Campaign campaign = [] {
        auto loaded = loadCampaign(campaignPath());
        if (!loaded.ok()) {
            std::fprintf(stderr, "cannot load %s: %s\n", campaignPath().c_str(), loaded.error().en.c_str());
            std::abort();
        }
        return *loaded;
    }();
    return campaign;
}

} // namespace tepei::model::test
