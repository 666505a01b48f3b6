"""Static catalogue of the demo university: departments 院系 and their majors 专业.

Each major carries the number of classes a cohort usually has (1–4): popular majors such as
computer science or accounting take more students, as they do in a real admission plan.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MajorSpec:
    name: str
    name_en: str
    degree: str
    short: str  # used in class names: 计算机2301班
    classes: int  # usual classes per cohort
    courses: tuple[str, ...]  # major-specific professional courses (see _catalog_courses)


@dataclass(frozen=True)
class DepartmentSpec:
    key: str
    name: str
    name_en: str
    track: str  # eng | econ | arts | lang: which general foundation courses its majors take
    majors: tuple[MajorSpec, ...]


def _m(name: str, en: str, degree: str, short: str, classes: int, courses: str) -> MajorSpec:
    return MajorSpec(name, en, degree, short, classes, tuple(courses.split()))


DEPARTMENTS: tuple[DepartmentSpec, ...] = (
    DepartmentSpec("cs", "计算机科学与技术学院", "School of Computer Science and Technology", "eng", (
        _m("计算机科学与技术", "Computer Science and Technology", "工学学士", "计算机", 4,
           "编译原理* 计算机体系结构 并行计算 计算机图形学@c 分布式系统 信息安全导论"),
        _m("软件工程", "Software Engineering", "工学学士", "软件", 4,
           "软件需求工程 软件测试@c 软件项目管理 软件体系结构 Web应用开发@c 移动应用开发@c"),
        _m("网络工程", "Network Engineering", "工学学士", "网络", 1,
           "路由与交换技术@c 网络安全技术 网络规划与设计 无线网络技术 网络管理 云计算技术"),
        _m("数据科学与大数据技术", "Data Science and Big Data Technology", "工学学士", "大数据", 2,
           "大数据技术原理@c 数据挖掘 数据可视化@c 分布式存储 统计学习 Spark编程实践@c"),
        _m("人工智能", "Artificial Intelligence", "工学学士", "智能", 1,
           "机器学习* 深度学习@c 自然语言处理 计算机视觉 知识工程 智能机器人"),
    )),
    DepartmentSpec("me", "机械工程学院", "School of Mechanical Engineering", "eng", (
        _m("机械设计制造及其自动化", "Mechanical Design, Manufacturing and Automation", "工学学士",
           "机械", 4, "机械制造技术基础* 数控技术@l 机械CAD/CAM@c 液压与气压传动 现代设计方法 机床夹具设计"),
        _m("车辆工程", "Vehicle Engineering", "工学学士", "车辆", 2,
           "汽车构造* 汽车理论 汽车设计 发动机原理 汽车电子技术@l 汽车试验学"),
        _m("机械电子工程", "Mechatronic Engineering", "工学学士", "机电", 2,
           "机电传动控制 传感器与检测技术@l 单片机原理@l PLC原理与应用@l 机器人技术 机电系统设计"),
        _m("工业设计", "Industrial Design", "工学学士", "工设", 1,
           "设计素描 产品造型设计 人机工程学 设计表达@c 产品设计程序 用户体验设计"),
    )),
    DepartmentSpec("ee", "电气与信息工程学院", "School of Electrical and Information Engineering", "eng", (
        _m("电气工程及其自动化", "Electrical Engineering and Automation", "工学学士", "电气", 3,
           "电机学* 电力系统分析 电力电子技术@l 发电厂电气部分 继电保护原理 高电压技术"),
        _m("自动化", "Automation", "工学学士", "自动化", 2,
           "现代控制理论 过程控制系统 运动控制系统@l 计算机控制技术 检测技术 智能控制"),
        _m("电子信息工程", "Electronic Information Engineering", "工学学士", "电信", 2,
           "高频电子线路@l 数字信号处理 嵌入式系统@l 电子系统设计 DSP原理与应用 EDA技术@c"),
        _m("通信工程", "Communication Engineering", "工学学士", "通信", 2,
           "通信原理* 移动通信 光纤通信 通信网络 信息论与编码 无线通信技术"),
    )),
    DepartmentSpec("ce", "土木工程学院", "School of Civil Engineering", "eng", (
        _m("土木工程", "Civil Engineering", "工学学士", "土木", 3,
           "混凝土结构设计* 钢结构 基础工程 土木工程施工 高层建筑结构 桥梁工程"),
        _m("建筑环境与能源应用工程", "Building Environment and Energy Engineering", "工学学士",
           "建环", 1, "传热学 暖通空调 建筑环境学 流体输配管网 冷热源工程 建筑设备自动化"),
        _m("工程管理", "Engineering Management", "管理学学士", "工管", 2,
           "工程经济学 工程项目管理 工程合同管理 工程估价@c BIM技术应用@c 房地产开发与经营"),
        _m("给排水科学与工程", "Water Supply and Drainage Science and Engineering", "工学学士",
           "给排水", 1, "水质工程学 水处理微生物学@l 建筑给水排水工程 泵与泵站 水文学 给水排水管网系统"),
    )),
    DepartmentSpec("ch", "化学与材料工程学院", "School of Chemistry and Materials Engineering", "eng", (
        _m("应用化学", "Applied Chemistry", "理学学士", "应化", 2,
           "精细化学品化学 应用电化学 化学分析实验@l 波谱分析 高分子化学 绿色化学"),
        _m("材料科学与工程", "Materials Science and Engineering", "工学学士", "材料", 2,
           "材料科学基础* 材料力学性能 材料分析测试技术@l 金属材料学 复合材料 材料成型原理"),
        _m("化学工程与工艺", "Chemical Engineering and Technology", "工学学士", "化工", 2,
           "化工原理* 化学反应工程 化工热力学 化工设计 化工安全工程 化工仪表与自动化"),
    )),
    DepartmentSpec("em", "经济与管理学院", "School of Economics and Management", "econ", (
        _m("会计学", "Accounting", "管理学学士", "会计", 4,
           "中级财务会计* 成本会计 审计学 会计信息系统@c 高级财务会计 税法"),
        _m("财务管理", "Financial Management", "管理学学士", "财管", 2,
           "公司理财 财务分析 投资学 证券投资分析 财务报表分析 金融市场学"),
        _m("市场营销", "Marketing", "管理学学士", "营销", 1,
           "消费者行为学 市场调查与预测 品牌管理 广告学原理 网络营销@c 销售管理"),
        _m("国际经济与贸易", "International Economics and Trade", "经济学学士", "国贸", 2,
           "国际贸易实务* 国际金融 国际商法 外贸函电 国际结算 跨境电子商务@c"),
        _m("工商管理", "Business Administration", "管理学学士", "工商", 1,
           "战略管理 人力资源管理 运营管理 组织行为学 企业文化 创业管理"),
    )),
    DepartmentSpec("fl", "外国语学院", "School of Foreign Languages", "lang", (
        _m("英语", "English", "文学学士", "英语", 2,
           "英美文学 英语写作 英汉翻译 汉英翻译 交替传译 英语国家概况"),
        _m("日语", "Japanese", "文学学士", "日语", 1,
           "基础日语* 日语听力 日语会话 日语写作 日本文学 日本概况"),
        _m("商务英语", "Business English", "文学学士", "商英", 1,
           "商务英语写作 商务谈判 国际商务导论 商务翻译 跨文化商务交际 商务英语视听说"),
    )),
    DepartmentSpec("ma", "数学与统计学院", "School of Mathematics and Statistics", "eng", (
        _m("数学与应用数学", "Mathematics and Applied Mathematics", "理学学士", "数学", 2,
           "实变函数 泛函分析 微分几何 拓扑学 偏微分方程 数学史"),
        _m("统计学", "Statistics", "理学学士", "统计", 1,
           "多元统计分析 时间序列分析 抽样调查 回归分析 统计软件@c 非参数统计"),
        _m("信息与计算科学", "Information and Computing Science", "理学学士", "信计", 1,
           "数值分析* 最优化方法 计算方法实验@c 数据结构与算法@c 密码学基础 科学计算"),
    )),
    DepartmentSpec("li", "文学与新闻传播学院", "School of Literature and Journalism", "arts", (
        _m("汉语言文学", "Chinese Language and Literature", "文学学士", "汉语言", 2,
           "中国古代文学* 中国现当代文学 外国文学 古代汉语 现代汉语 文学概论"),
        _m("新闻学", "Journalism", "文学学士", "新闻", 1,
           "新闻采访 新闻编辑 新闻评论 新闻摄影 融合新闻报道@c 媒介伦理与法规"),
        _m("广告学", "Advertising", "文学学士", "广告", 1,
           "广告策划 广告文案 广告设计@c 品牌传播 整合营销传播 新媒体广告"),
    )),
    DepartmentSpec("ar", "艺术设计学院", "School of Art and Design", "arts", (
        _m("视觉传达设计", "Visual Communication Design", "艺术学学士", "视传", 2,
           "字体设计 标志设计 版式设计@c 包装设计 书籍装帧 品牌形象设计"),
        _m("环境设计", "Environmental Design", "艺术学学士", "环设", 1,
           "室内设计原理 景观设计 展示设计 建筑制图 效果图表现@c 施工图设计"),
        _m("产品设计", "Product Design", "艺术学学士", "产设", 1,
           "产品结构设计 产品模型制作@l 交互设计 家具设计 产品材料与工艺 设计管理"),
    )),
    DepartmentSpec("ph", "物理与电子科学学院", "School of Physics and Electronic Science", "eng", (
        _m("应用物理学", "Applied Physics", "理学学士", "应物", 1,
           "理论力学* 电动力学 热力学与统计物理 量子力学 固体物理 近代物理实验@l"),
        _m("光电信息科学与工程", "Optoelectronic Information Science and Engineering", "工学学士",
           "光电", 2, "物理光学 应用光学 激光原理 光电子技术 光纤光学 光电检测技术@l"),
    )),
    DepartmentSpec("mx", "马克思主义学院", "School of Marxism", "arts", (
        _m("思想政治教育", "Ideological and Political Education", "法学学士", "思政", 1,
           "思想政治教育学原理 马克思主义发展史 中国共产党历史 伦理学 政治学原理 教育学原理"),
    )),
)
