#pragma once
// All rules of the notice in one include: deadline, quota, leave, funding, certificate,
// attachments (and the form, eligibility and workflow headers they sit beside).

#include <tepei/model/attachment.h>
#include <tepei/model/campaign.h>
#include <tepei/model/certificate.h>
#include <tepei/model/deadline.h>
#include <tepei/model/eligibility.h>
#include <tepei/model/funding.h>
#include <tepei/model/leave.h>
#include <tepei/model/quota.h>
#include <tepei/model/workflow.h>
