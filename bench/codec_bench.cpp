// Codec throughput on a push of 10,000 application-like changes (~2.3 KB of JSON each, Chinese
// form fields). Target: >= 100 MB/s each way. Baselines: cpprestsdk's own parse and serialize of
// the same text, and gzip of the encoded batch.
//   build-rel/bench/tepei_bench_codec --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <random>
#include <tepei/sync/codec.h>
#include <tepei/sync/compression.h>

namespace {
using namespace tepei::sync;
using web::json::value;

// Common characters of application forms; each is 3 bytes of UTF-8.
const std::string kHanzi =
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
    "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量"
    "都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重"
    "新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已"
    "通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将"
    "组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热"
    "领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带"
    "安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步"
    "群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备"
    "半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院"
    "查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";

class TextSource {
public:
    std::string hanzi(std::size_t count)
    {
        std::string text;
        text.reserve(count * 3);
        const std::size_t chars = kHanzi.size() / 3;
        for (std::size_t i = 0; i < count; ++i) {
            text.append(kHanzi, (m_random() % chars) * 3, 3);
            if (i % 23 == 22)
                text.append("，");
        }
        return text;
    }
    std::string digits(std::size_t count)
    {
        std::string text;
        for (std::size_t i = 0; i < count; ++i)
            text.push_back(static_cast<char>('0' + m_random() % 10));
        return text;
    }
    std::uint32_t next() { return m_random(); }

private:
    std::mt19937 m_random{20240337};
};

value workRow(TextSource& text, int year)
{
    auto row = value::object();
    row["from"] = value::string(std::to_string(year) + "-09");
    row["to"] = value::string(std::to_string(year + 3) + "-07");
    row["employer"] = value::string(text.hanzi(10));
    row["position"] = value::string(text.hanzi(4));
    row["witness"] = value::string(text.hanzi(3));
    return row;
}

Change applicationChange(TextSource& text, int index)
{
    Change change;
    change.id = newUuid();
    change.author = "u-" + std::to_string(1000 + index % 300);
    change.site = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    change.hlc = Hlc{1710892800000 + index * 17, static_cast<std::uint32_t>(index % 3)};
    change.recordKind = "application";
    change.recordId = newUuidString();
    change.op = ChangeOp::Set;
    auto& p = change.payload;
    p["name"] = value::string(text.hanzi(3));
    p["gender"] = value::string(text.next() % 2 ? "男" : "女");
    p["ethnicity"] = value::string("蒙古族");
    p["birth_date"] = value::string("1988-05-12");
    p["id_number"] = value::string("1501021988" + text.digits(8));
    p["phone"] = value::string("139" + text.digits(8));
    p["employer"] = value::string("内蒙古自治区" + text.hanzi(8));
    p["department"] = value::string(text.hanzi(5));
    p["title"] = value::string("主治医师");
    p["specialty"] = value::string(text.hanzi(6));
    p["education"] = value::string("硕士研究生");
    p["years_in_post"] = value::number(4 + index % 20);
    p["party_member"] = value::boolean(index % 3 == 0);
    p["study_plan"] = value::string(text.hanzi(330));
    p["achievements"] = value::string(text.hanzi(90));
    p["work_history"] = value::array({workRow(text, 2008), workRow(text, 2011), workRow(text, 2015)});
    return change;
}

const PushRequest& sampleRequest()
{
    static const PushRequest request = [] {
        TextSource text;
        PushRequest r;
        r.site = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        for (int i = 0; i < 10'000; ++i)
            r.changes.push_back(applicationChange(text, i));
        return r;
    }();
    return request;
}

const std::string& sampleJson()
{
    static const std::string json = encode(sampleRequest());
    return json;
}

DecodeLimits benchLimits()
{
    DecodeLimits limits;
    limits.maxChanges = 10'000; // twice the protocol's batch limit, as the brief's workload asks
    limits.maxMessageBytes = 64u << 20;
    return limits;
}

void addCounters(benchmark::State& state, std::size_t bytes)
{
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    state.counters["changes"] = static_cast<double>(sampleRequest().changes.size());
    state.counters["bytes_per_change"] = static_cast<double>(bytes) / sampleRequest().changes.size();
}

void BM_EncodePushRequest(benchmark::State& state)
{
    const PushRequest& request = sampleRequest();
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string json = encode(request);
        bytes = json.size();
        benchmark::DoNotOptimize(json.data());
    }
    addCounters(state, bytes);
}

void BM_DecodePushRequest(benchmark::State& state)
{
    const std::string& json = sampleJson();
    const DecodeLimits limits = benchLimits();
    for (auto _ : state) {
        auto decoded = decodePushRequest(json, limits);
        if (!decoded.ok()) {
            state.SkipWithError(decoded.error().message.c_str());
            break;
        }
        benchmark::DoNotOptimize(decoded->changes.data());
    }
    addCounters(state, json.size());
}

// Baselines: what cpprestsdk alone does with the same text.
void BM_WebJsonParse(benchmark::State& state)
{
    const std::string& json = sampleJson();
    for (auto _ : state) {
        value parsed = value::parse(json);
        benchmark::DoNotOptimize(&parsed);
    }
    addCounters(state, json.size());
}

void BM_WebJsonSerialize(benchmark::State& state)
{
    const value parsed = value::parse(sampleJson());
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string text = parsed.serialize();
        bytes = text.size();
        benchmark::DoNotOptimize(text.data());
    }
    addCounters(state, bytes);
}

void BM_GzipCompress(benchmark::State& state)
{
    const std::string& json = sampleJson();
    std::size_t compressed = 0;
    for (auto _ : state) {
        std::string packed = gzipCompress(json);
        compressed = packed.size();
        benchmark::DoNotOptimize(packed.data());
    }
    addCounters(state, json.size());
    state.counters["ratio"] = static_cast<double>(compressed) / static_cast<double>(json.size());
}

void BM_GzipDecompress(benchmark::State& state)
{
    const std::string& json = sampleJson();
    const std::string packed = gzipCompress(json);
    for (auto _ : state) {
        auto restored = gzipDecompress(packed, json.size());
        benchmark::DoNotOptimize(restored->data());
    }
    addCounters(state, json.size());
}

BENCHMARK(BM_EncodePushRequest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodePushRequest)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WebJsonParse)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WebJsonSerialize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GzipCompress)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GzipDecompress)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
