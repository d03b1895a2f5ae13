#include <tepei/model/rules/trainee.h>

namespace tepei::model {

Result<LeaveReturn, Reason> leaveReturn(const Date& start, const Date& approvedEnd, const Date& returned)
{
    if (returned < start) {
        return Reason{"return_before_start",
                      "销假日期 " + toString(returned) + " 早于请假开始日期 " + toString(start) +
                          "，请核对后重新填写",
                      "the return date " + toString(returned) + " is before the leave began on " +
                          toString(start) + "; check the dates and enter them again"};
    }
    LeaveReturn out;
    out.actualDays = daysBetweenInclusive(start, returned);
    const int approvedDays = daysBetweenInclusive(start, approvedEnd);
    out.late = returned > approvedEnd;
    out.daysBeyondApproved = out.late ? out.actualDays - approvedDays : 0;
    return out;
}

std::optional<Reason> checkTrainingChange(const TrainingChangeRequest& request)
{
    if (request.what != "time" && request.what != "major" && request.what != "training_unit") {
        return Reason{
            "change_kind_unknown", "只能变更培养时间、培养专业或培养单位",
            "only the training time, the major or the training unit can be changed; choose one of them"};
    }
    if (request.newValue.empty()) {
        return Reason{"change_value_missing", "请填写变更后的内容", "enter what it should be changed to"};
    }
    if (!request.centreAgreed) {
        return Reason{
            "awaiting_centre_agreement", "变更须经内蒙古人事人才公共服务中心同意，目前尚未同意",
            "the change needs the agreement of the regional centre, which has not been recorded yet"};
    }
    if (!request.ministryAgreed) {
        return Reason{
            "awaiting_ministry_agreement",
            "变更还须人力资源社会保障部留学人员和专家服务中心同意，请中心在收到其同意后登记",
            "the change also needs the agreement of the ministry's service centre; the centre records it "
            "when it arrives"};
    }
    return std::nullopt;
}

} // namespace tepei::model
