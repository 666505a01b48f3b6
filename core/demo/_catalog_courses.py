"""Static catalogue of courses: general foundation 基础课, public electives 公共选修课 and each
department's professional courses.

A course name may end in markers: ``*`` a core course taught 4 periods a week (others 2),
``@c`` taught in a computer lab 机房, ``@l`` taught in a laboratory 实验室.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneralCourse:
    """A general foundation course shared by the whole university."""

    key: str
    name: str
    name_en: str
    owner: str  # department key
    weekly: int  # periods a week; 0 = concentrated practice 集中实践 (weeks, not periods)
    weeks: str  # full (1-16) | first (1-8) | second (9-16) | odd; or "Nw" for practice weeks
    room: str = "multimedia"
    exam: bool = True
    merge: bool = True  # taught to all classes of a major and cohort together (合班)


def _g(key: str, name: str, en: str, owner: str, weekly: int, weeks: str, room: str = "multimedia",
       exam: bool = True, merge: bool = True) -> GeneralCourse:
    return GeneralCourse(key, name, en, owner, weekly, weeks, room, exam, merge)


GENERAL: tuple[GeneralCourse, ...] = (
    _g("ideo", "思想道德与法治", "Ethics and Rule of Law", "mx", 2, "full"),
    _g("history", "中国近现代史纲要", "Outline of Modern and Contemporary Chinese History", "mx", 2, "full"),
    _g("marxism", "马克思主义基本原理", "Basic Principles of Marxism", "mx", 2, "full"),
    _g("mao", "毛泽东思想和中国特色社会主义理论体系概论",
       "Introduction to Mao Zedong Thought and Socialism with Chinese Characteristics", "mx", 2, "full"),
    _g("xi", "习近平新时代中国特色社会主义思想概论",
       "Introduction to Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era",
       "mx", 2, "full"),
    *(_g(f"policy{n}", f"形势与政策({n})", f"Situation and Policy ({n})", "mx", 2, "second", exam=False)
      for n in range(1, 5)),
    _g("military", "军事理论", "Military Theory", "mx", 2, "first", exam=False),
    _g("drill", "军事技能训练", "Military Skills Training", "mx", 0, "3w", room="lab", exam=False),
    _g("psych", "大学生心理健康教育", "Mental Health Education for College Students", "mx", 2, "first",
       exam=False),
    _g("labour", "劳动教育", "Labour Education", "mx", 2, "second", exam=False),
    _g("social1", "社会实践(1)", "Social Practice (1)", "mx", 0, "1w", room="lab", exam=False),
    _g("social2", "社会实践(2)", "Social Practice (2)", "mx", 0, "1w", room="lab", exam=False),
    _g("career", "大学生职业发展与就业指导", "Career Development and Employment Guidance", "em", 2,
       "first", exam=False),
    _g("innov", "创新创业基础", "Fundamentals of Innovation and Entrepreneurship", "em", 2, "second",
       exam=False),
    *(_g(f"eng{n}", f"大学英语({n})", f"College English ({n})", "fl", 4, "full", room="classroom",
         merge=False) for n in range(1, 5)),
    *(_g(f"lang{n}", f"第二外语({n})", f"Second Foreign Language ({n})", "fl", 2, "full",
         room="classroom", merge=False) for n in range(1, 5)),
    _g("computing", "大学计算机基础", "Fundamentals of Computing", "cs", 2, "full", room="computer_lab",
       exam=False, merge=False),
    _g("cprog", "C语言程序设计", "C Programming", "cs", 4, "full", room="computer_lab", merge=False),
    _g("calc_a1", "高等数学A(1)", "Advanced Mathematics A (1)", "ma", 4, "full"),
    _g("calc_a2", "高等数学A(2)", "Advanced Mathematics A (2)", "ma", 4, "full"),
    _g("calc_b1", "高等数学B(1)", "Advanced Mathematics B (1)", "ma", 4, "full"),
    _g("calc_b2", "高等数学B(2)", "Advanced Mathematics B (2)", "ma", 2, "full"),
    _g("linalg", "线性代数", "Linear Algebra", "ma", 2, "full"),
    _g("prob", "概率论与数理统计", "Probability and Mathematical Statistics", "ma", 2, "full"),
    _g("phys1", "大学物理(1)", "College Physics (1)", "ph", 4, "full"),
    _g("phys2", "大学物理(2)", "College Physics (2)", "ph", 2, "full"),
    _g("physlab1", "大学物理实验(1)", "College Physics Laboratory (1)", "ph", 2, "odd", room="lab",
       exam=False, merge=False),
    _g("physlab2", "大学物理实验(2)", "College Physics Laboratory (2)", "ph", 2, "odd", room="lab",
       exam=False, merge=False),
    _g("metalwork", "金工实习", "Metalworking Practice", "me", 0, "2w", room="lab", exam=False),
    _g("electro", "电工电子实习", "Electrical and Electronic Practice", "ee", 0, "1w", room="lab",
       exam=False),
    _g("chinese", "大学语文", "College Chinese", "li", 2, "full"),
    _g("culture", "中国传统文化概论", "Introduction to Traditional Chinese Culture", "li", 2, "full"),
    _g("writing", "应用文写作", "Practical Writing", "li", 2, "full", exam=False),
)

# The general foundation courses of each track, by semester. Every track shares the
# ideological and political courses 思政课 and the practice weeks.
_COMMON = {1: "ideo policy1 military drill psych labour computing", 2: "history social1",
           3: "marxism policy2", 4: "mao innov social2", 5: "xi policy3 career", 7: "policy4"}
_TRACKS = {
    "eng": {1: "eng1 calc_a1", 2: "eng2 calc_a2 linalg phys1 physlab1", 3: "eng3 prob phys2 physlab2 metalwork",
            4: "eng4 electro"},
    "econ": {1: "eng1 calc_b1", 2: "eng2 calc_b2 linalg", 3: "eng3 prob", 4: "eng4"},
    "arts": {1: "eng1 chinese", 2: "eng2 culture", 3: "eng3 writing", 4: "eng4"},
    "lang": {1: "chinese", 2: "culture", 3: "lang1 writing", 4: "lang2", 5: "lang3", 6: "lang4"},
}


def general_plan(track: str, *, with_cprog: bool) -> dict[int, list[str]]:
    """General foundation course keys by semester (1–8) for a department's track."""
    plan: dict[int, list[str]] = {s: _COMMON.get(s, "").split() for s in range(1, 9)}
    for semester, keys in _TRACKS[track].items():
        plan[semester] += keys.split()
    if with_cprog:
        plan[2].append("cprog")
    return plan


# Public electives 公共选修课: (name, owner department key). Students of every major take some.
PUBLIC_ELECTIVES: tuple[tuple[str, str], ...] = tuple(
    (name, owner) for owner, names in (
        ("ar", "音乐鉴赏 美术鉴赏 书法艺术 摄影艺术"),
        ("li", "影视鉴赏 中国古典诗词欣赏 口才与沟通"),
        ("fl", "西方文化概论 英语口语提高 日语入门"),
        ("ma", "数学建模 数学文化"),
        ("cs", "人工智能导论 Python编程入门@c 网页设计与制作@c"),
        ("em", "投资理财 大学生创业实务"),
        ("ch", "环境保护概论 化学与生活"),
        ("ph", "天文学导论 科技发展史"),
        ("me", "汽车文化"),
        ("ce", "建筑欣赏"),
        ("mx", "社会心理学 法律基础"),
    ) for name in names.split()
)

# Each department's professional courses shared by its majors: the first eight are
# professional foundation courses 专业基础课, the rest professional technical courses 专业技术课.
DEPARTMENT_COURSES: dict[str, tuple[str, ...]] = {key: tuple(names.split()) for key, names in {
    "cs": "程序设计基础*@c 离散数学 数字逻辑@l 数据结构*@c 计算机组成原理* 面向对象程序设计@c 操作系统* "
          "计算机网络* 数据库原理@c 算法设计与分析 软件工程导论 Linux系统编程@c Python程序设计@c 人机交互 "
          "信息检索 微机原理与接口技术@l",
    "me": "工程制图* 理论力学 材料力学* 机械原理* 机械设计* 工程材料 互换性与测量技术@l 电工电子技术@l "
          "控制工程基础 机械工程测试技术@l 机械制造工艺学 CAD技术@c 有限元分析@c 工业机器人 先进制造技术 质量管理",
    "ee": "电路分析* 模拟电子技术*@l 数字电子技术@l 信号与系统* 自动控制原理* 微机原理@l 电磁场与电磁波 "
          "C语言程序设计@c 单片机原理及应用@l 电力拖动 MATLAB仿真@c 电气控制与PLC@l 传感器原理 现代通信技术 "
          "嵌入式系统设计 电气安全",
    "ce": "工程制图* 理论力学 材料力学* 结构力学* 土力学 工程测量@l 房屋建筑学 土木工程材料@l 流体力学 "
          "建设法规 工程地质 CAD绘图@c 建筑施工技术 工程造价 结构抗震 工程安全管理",
    "ch": "无机化学* 分析化学 有机化学* 物理化学* 化工制图 仪器分析@l 化学实验基础@l 结构化学 化工原理实验@l "
          "环境化学 材料化学 化学信息学@c 催化原理 胶体与界面化学 工业分析 化学文献检索",
    "em": "管理学原理* 微观经济学* 宏观经济学 会计学基础* 统计学 经济法 财政学 货币银行学 市场营销学 财务管理学 "
          "管理信息系统@c 运筹学 计量经济学@c 电子商务概论 商务沟通 经济应用文写作",
    "fl": "综合英语* 英语听力 英语口语 英语阅读 英语语法 英语语音 高级英语 语言学概论 英美概况 跨文化交际 "
          "英语演讲与辩论 学术写作 翻译理论与实践 第二外语(法语) 西方文明史 计算机辅助翻译@c",
    "ma": "数学分析* 高等代数* 解析几何 常微分方程 概率论 数理统计 复变函数 数学软件@c 运筹学 数学模型 离散数学 "
          "近世代数 组合数学 C程序设计@c 数学实验@c 金融数学",
    "li": "中国文化概论 写作基础* 传播学概论 新闻学概论 语言学概论 美学原理 文学批评 西方文论 中国古代文论 "
          "民间文学 比较文学 文献学 新媒体概论 影视艺术概论 演讲与口才 秘书学",
    "ar": "素描* 色彩* 设计构成 设计史 图形创意 摄影基础 计算机辅助设计@c 设计概论 手绘表现 三维建模@c 设计心理学 "
          "艺术概论 民间美术 插画设计 展示空间设计 设计调研方法",
    "ph": "力学* 热学 电磁学* 光学* 原子物理 数学物理方法* 普通物理实验@l 电子技术基础@l 计算物理@c 半导体物理 "
          "激光技术 物理学史 传感器技术@l 信号处理 光学设计@c 模拟电路实验@l",
    "mx": "马克思主义哲学* 政治经济学 科学社会主义 中国哲学史 西方哲学史 社会学概论 心理学概论 法学概论 "
          "思想政治教育方法论 中国近现代政治思想史 当代世界经济与政治 教育心理学 演讲与辩论 社会调查方法 "
          "行政管理学 公共关系学",
}.items()}
PROFESSIONAL_FOUNDATION_COUNT = 8

# Courses every department offers under its own code: (name, category, semester or 0 when
# placed in sequence, weekly periods, weeks). Practice (weekly 0) is scheduled in weeks.
DEPARTMENT_GENERIC: tuple[tuple[str, str, int, int, str], ...] = (
    ("专业导论", "professional_foundation", 1, 2, "first"),
    ("专业英语", "professional_technical", 0, 2, "full"),
    ("文献检索与科技写作", "professional_elective", 0, 2, "first"),
    ("学科前沿讲座", "professional_elective", 0, 2, "second"),
    ("认识实习", "professional_technical", 4, 0, "1w"),
    ("课程设计(1)", "professional_technical", 5, 0, "2w"),
    ("课程设计(2)", "professional_technical", 6, 0, "2w"),
    ("生产实习", "professional_technical", 6, 0, "3w"),
    ("专业综合实训", "professional_technical", 7, 0, "2w"),
    ("毕业实习", "professional_technical", 8, 0, "6w"),
    ("毕业设计(论文)", "professional_technical", 8, 0, "12w"),
)


def parse_marked(name: str) -> tuple[str, int, str]:
    """Split a marked course name into (name, weekly periods, room type)."""
    room = "classroom"
    if name.endswith("@c"):
        name, room = name[:-2], "computer_lab"
    elif name.endswith("@l"):
        name, room = name[:-2], "lab"
    weekly = 2
    if name.endswith("*"):
        name, weekly = name[:-1], 4
    return name, weekly, room
