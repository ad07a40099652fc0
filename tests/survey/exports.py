"""Small survey exports in the layouts of real tools, written as the tools write them.

Every answer is made up for the tests. The KANO answers of the 问卷星 export are chosen so that
each feature's evaluation can be checked by hand (see test_read.py).
"""
from __future__ import annotations

WJX_KANO = (
    "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您的性别,2、您这次入住的目的,"
    "3、如果酒店提供免费WiFi，您的感受是？,4、如果酒店不提供免费WiFi，您的感受是？,"
    "5、如果酒店提供自助入住机，您的感受是？,6、如果酒店不提供自助入住机，您的感受是？\n"
    "1,2025/3/1 9:05:12,125秒,手机提交,直接访问,116.23.45.6(广东-广州),男,商务,我喜欢,我不喜欢,我喜欢,我能忍受\n"
    "2,2025/3/1 9:07:40,98秒,微信,N/A,120.2.3.4(浙江-杭州),女,休闲,它理应如此,我不喜欢。,我喜欢,我能 忍受\n"
    "3,2025/3/1 10:11:02,2分5秒,手机提交,直接访问,58.1.2.3(北京-北京),女,商务,理所當然,我 不喜欢,无所谓,我能忍受\n"
    "4,2025/3/2 8:00:59,301秒,链接,N/A,61.4.5.6(上海-上海),男,休闲,我喜欢,无所谓,我不喜欢,我喜欢\n"
    "5,2025/3/2 21:30:00,77秒,微信,N/A,27.7.8.9(四川-成都),男,商务,(跳过),我不喜欢,我喜欢,我喜欢\n"
    "6,2025/3/3 7:45:13,210秒,手机提交,直接访问,36.1.1.1(湖北-武汉),女,探亲,无所谓,無所謂,喜欢,无所谓\n"
)

QUALTRICS_JOURNEY = (
    "StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,"
    "ResponseId,DistributionChannel,UserLanguage,Q1,Q2_1,Q2_2,Q2_3,Q3\n"
    "Start Date,End Date,Response Type,IP Address,Progress,Duration (in seconds),Finished,"
    "Recorded Date,Response ID,Distribution Channel,User Language,Which ticket did you travel on?,"
    "How would you rate each part of your trip? - Check-in,"
    "How would you rate each part of your trip? - Security,"
    "How would you rate each part of your trip? - Baggage claim,"
    "\"Overall, how satisfied are you with your trip?\"\n"
    + ",".join('"' + cell.replace('"', '""') + '"' for cell in [
        '{"ImportId":"startDate","timeZone":"Asia/Shanghai"}',
        '{"ImportId":"endDate","timeZone":"Asia/Shanghai"}', '{"ImportId":"status"}',
        '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}', '{"ImportId":"duration"}',
        '{"ImportId":"finished"}', '{"ImportId":"recordedDate","timeZone":"Asia/Shanghai"}',
        '{"ImportId":"_recordId"}', '{"ImportId":"distributionChannel"}',
        '{"ImportId":"userLanguage"}', '{"ImportId":"QID1"}', '{"ImportId":"QID2_1"}',
        '{"ImportId":"QID2_2"}', '{"ImportId":"QID2_3"}', '{"ImportId":"QID3"}']) + "\n"
    "2025-03-01 09:00:05,2025-03-01 09:04:10,0,10.0.0.1,100,245,1,2025-03-01 09:04:11,R_1aA,anonymous,EN,Economy,6,3,99,5\n"
    "2025-03-01 10:20:00,2025-03-01 10:23:30,0,10.0.0.2,100,210,1,2025-03-01 10:23:31,R_2bB,anonymous,EN,Business,7,6,6,7\n"
    "2025-03-02 18:02:40,2025-03-02 18:06:00,0,10.0.0.3,100,200,1,2025-03-02 18:06:01,R_3cC,anonymous,ZH-S,Economy,5,2,4,3\n"
    "2025-03-03 07:15:00,2025-03-03 07:17:45,0,10.0.0.4,100,165,1,2025-03-03 07:17:46,R_4dD,anonymous,EN,Economy,4,3,5,\n"
)

GOOGLE_FORMS = (
    "Timestamp,Email Address,Which hotel did you stay at?,Please rate [Check-in],"
    "Please rate [Room],Please rate [Breakfast],Anything else?\n"
    "2025/03/01 9:00:00 AM GMT+8,ann@example.com,Downtown,5 - Excellent,4,3 ,\n"
    "2025/03/01 1:15:30 PM GMT+8,bo@example.com,Lakeside,4,5 - Excellent,1 - Very poor,Great stay.\n"
    "2025/03/02 11:59:59 PM GMT+8,cy@example.com,Downtown,２,3,N/A,Noisy at night\n"
)
GOOGLE_FORMS_ZH = (
    "时间戳记,您入住的酒店,请评价 [前台],请评价 [客房]\n"
    "2025/03/01 上午 9:00:00 GMT+8,市中心店,非常满意,满意\n"
    "2025/03/01 下午 1:15:30 GMT+8,湖畔店,一般,非常 满意。\n"
)

PLAIN = (
    "respondent,segment,check_in,security,overall,comment\n"
    "1,VIP,６,5,6,fine\n"
    "2,economy ,4,(跳过),4,\n"
    "3,economy,5,3,5,slow queue\n"
)
