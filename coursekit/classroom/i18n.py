"""The board's words in English and Chinese: one table for the pages and the board's script.

The pages take the language from ``?lang=en`` or ``?lang=zh`` (remembered in a cookie); the
board page hands the same table to its script. A test checks that every entry has both
languages. Messages to learners in their notebooks stay in English, the language of the
lessons (:mod:`coursekit.classroom.wording`).
"""
from __future__ import annotations

LANGUAGES = ("en", "zh")

TEXT = {
    # the board (projector)
    "board_title": ("Team competition", "分组PK"),
    "rank": ("Rank", "排名"),
    "team": ("Team", "团队"),
    "total": ("Total", "总分"),
    "points": ("points", "分"),
    "handed_in": ("handed in", "已提交"),
    "not_yet": ("not yet", "未提交"),
    "answers_sent": ("answers sent", "次提交"),
    "state_waiting": ("not open yet", "未开始"),
    "state_open": ("open", "进行中"),
    "state_locked": ("locked", "已锁定"),
    "state_revealed": ("revealed", "已揭晓"),
    "takes_lead": ("takes the lead!", "领先!"),
    "leader": ("Leader", "领先"),
    "answer": ("Answer", "答案"),
    "why": ("Why", "解析"),
    "right": ("right", "正确"),
    "not_right": ("not right", "不正确"),
    "no_teams": ("No teams yet.", "还没有团队。"),
    "no_challenges": ("No challenge is open yet.", "还没有开放的挑战。"),
    "scores_at_reveal": ("Points appear when the instructor reveals a challenge.",
                         "讲师揭晓挑战后显示得分。"),
    "answers_of_teams": ("Teams' answers", "各队答案"),
    "live": ("Live", "实时"),
    "reconnecting": ("Reconnecting…", "正在重新连接…"),
    "tests": ("Pre-test and post-test", "前测与后测"),
    "lesson": ("Lesson", "课程"),
    "question": ("Question", "题目"),
    "before": ("before", "前测"),
    "after": ("after", "后测"),
    "gain": ("gain", "增益"),
    "learner": ("Learner", "学员"),
    "took": ("took the test", "人完成"),
    "both_tests": ("took both tests", "人完成两次测验"),
    "share_right": ("share right", "正确率"),
    "questions_right": ("questions right", "答对题数"),
    "language": ("中文", "English"),
    # the instructor's page
    "instructor": ("Instructor", "讲师"),
    "challenges": ("Challenges", "挑战"),
    "state": ("State", "状态"),
    "open": ("Open", "开放"),
    "lock": ("Lock", "锁定"),
    "reveal": ("Reveal", "揭晓"),
    "teams_codes": ("Teams and join codes", "团队与加入码"),
    "hub_group": ("Hub group (its members are the team)", "JupyterHub 分组(组员即队员)"),
    "join_line": ("Line for the team's notebook", "团队在笔记本中运行的代码"),
    "add_team": ("Add a team", "添加团队"),
    "team_name": ("Team name", "团队名称"),
    "rubric": ("Rubric", "评分细则"),
    "save": ("Save", "保存"),
    "latest_answers": ("Latest answers", "最新答案"),
    "export": ("Export", "导出"),
    "results_csv": ("Results (CSV)", "成绩(CSV)"),
    "answers_csv": ("All answers (CSV)", "全部答案(CSV)"),
    "tests_csv": ("Pre/post tests (CSV)", "前测/后测(CSV)"),
    "backup": ("Backup of the board's file", "备份排行榜数据文件"),
    "certificates": ("Certificates", "结业证书"),
    "print_all": ("Print every certificate", "打印全部证书"),
    "board_link": ("Board for the projector", "投影用排行榜"),
    "open_pre": ("Open pre-test", "开放前测"),
    "open_post": ("Open post-test", "开放后测"),
    "close_test": ("Close", "关闭"),
    "state_closed": ("closed", "已关闭"),
    "post_test": ("Post-test", "后测"),
    "recent_actions": ("Recent actions", "最近操作"),
    "nothing_yet": ("Nothing yet.", "暂无。"),
    "new_answers": ("New answers have arrived: reload to see them.", "有新的答案:刷新页面查看。"),
    "log_in_needed": ("Open the instructor link printed when the board started.",
                      "请打开排行榜启动时显示的讲师链接。"),
    "log_in_hub": ("Your hub account is not an instructor on this board. Ask a hub admin to add "
                   "you to the hub group instructors.",
                   "您的 JupyterHub 账号不是本排行榜的讲师。请 JupyterHub 管理员把您加入 instructors 组。"),
    # certificates
    "certificate": ("Certificate of completion", "结业证书"),
    "certifies": ("This certifies that", "兹证明"),
    "of_team": ("of team", "团队"),
    "completed": ("completed these lessons of the course in service management:",
                  "完成了服务管理课程的以下课时:"),
    "checks_passed": ("Knowledge check passed", "知识检测答对"),
    "pre_test": ("Pre-test", "前测"),
    "team_points": ("Team points", "团队得分"),
    "in_total": ("Knowledge-check questions answered right in total", "知识检测累计答对题数"),
    "date": ("Date", "日期"),
    "signature": ("Instructor's signature", "讲师签名"),
    "print": ("Print", "打印"),
    "no_record": ("No completed lesson yet: a lesson counts once its post-test is sent.",
                  "尚无完成的课时:提交后测后,该课时才计为完成。"),
    "of": ("of", "/"),
}


def words(lang: str) -> dict[str, str]:
    """Every word of the board in *lang* ("en" or "zh"; anything else gives English).

    >>> words("zh")["rank"], words("en")["rank"], words("fr")["rank"]
    ('排名', 'Rank', 'Rank')
    """
    column = 1 if lang == "zh" else 0
    return {key: pair[column] for key, pair in TEXT.items()}
