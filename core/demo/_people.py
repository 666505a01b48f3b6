"""Plausible people: Chinese names, resident ID numbers, birth dates, phones and addresses.

Surname weights follow the published frequencies of the most common Chinese surnames; the
demo university sits in Wuhan, so about half of its students come from Hubei.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import accumulate

from core.rules.values import id_check_char

_SURNAME_TEXT = (
    "王71 李70 张68 刘54 陈46 杨31 黄25 赵23 吴20 周20 徐17 孙15 马15 朱14 胡13 郭12 何12 林11 高11 "
    "罗11 郑10 梁9 谢8 宋8 唐8 许7 韩7 邓7 冯7 曹6 彭6 曾6 肖6 田6 董5 潘5 袁5 蔡5 蒋5 余5 于5 杜5 "
    "叶5 程4 魏4 苏4 吕4 丁4 任4 卢4 姚4 沈4 钟4 姜4 崔4 谭3 陆3 范3 汪3 廖3 石3 金3 韦3 贾3 夏3 "
    "付3 方3 邹2 熊2 白2 孟2 秦2 邱2 侯2 江2 尹2 薛2 闫2 段2 雷2 龙2 黎2 史2 陶2 贺2 毛2 郝2 顾2 "
    "龚2 邵2 万1 覃1 武1 钱1 戴1 严1 莫1 孔1 向1 常1 欧阳1 司马1 诸葛1 上官1"
)
_SURNAMES = _SURNAME_TEXT.split()
SURNAMES = tuple(item.rstrip("0123456789") for item in _SURNAMES)
_SURNAME_CUM = tuple(accumulate(int(item[len(name):]) for item, name in zip(_SURNAMES, SURNAMES, strict=True)))

_GIVEN = {
    "M": "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳晨博文轩然泽睿航昊子天一思哲铭"
         "嘉豪志建国海东亮成晓佳振家锦逸毅诚瑞坤翔峰源彬乐康",
    "F": "芳娜敏静丽艳娟霞秀玲婷雪慧颖琳洁倩欣悦萱怡涵雨梦璐瑶佳琪晨思诗雅妍婧蕾菲晓月文宁丹凤茜薇蓉露"
         "彤馨淑婉可心一紫嘉佩清语",
}

# (region code, native place 籍贯, address prefix, weight). Real county-level codes (GB/T 2260).
REGIONS: tuple[tuple[str, str, str, int], ...] = (
    ("420102", "湖北武汉", "湖北省武汉市江岸区", 6), ("420103", "湖北武汉", "湖北省武汉市江汉区", 5),
    ("420106", "湖北武汉", "湖北省武汉市武昌区", 6), ("420111", "湖北武汉", "湖北省武汉市洪山区", 6),
    ("420202", "湖北黄石", "湖北省黄石市黄石港区", 3), ("420302", "湖北十堰", "湖北省十堰市茅箭区", 3),
    ("420502", "湖北宜昌", "湖北省宜昌市西陵区", 4), ("420602", "湖北襄阳", "湖北省襄阳市襄城区", 4),
    ("420902", "湖北孝感", "湖北省孝感市孝南区", 4), ("421002", "湖北荆州", "湖北省荆州市沙市区", 4),
    ("421102", "湖北黄冈", "湖北省黄冈市黄州区", 4), ("421202", "湖北咸宁", "湖北省咸宁市咸安区", 2),
    ("110105", "北京", "北京市朝阳区", 1), ("120101", "天津", "天津市和平区", 1),
    ("130102", "河北石家庄", "河北省石家庄市长安区", 2), ("140105", "山西太原", "山西省太原市小店区", 2),
    ("150102", "内蒙古呼和浩特", "内蒙古自治区呼和浩特市新城区", 1),
    ("210102", "辽宁沈阳", "辽宁省沈阳市和平区", 1), ("220102", "吉林长春", "吉林省长春市南关区", 1),
    ("230102", "黑龙江哈尔滨", "黑龙江省哈尔滨市道里区", 1), ("310115", "上海", "上海市浦东新区", 1),
    ("320102", "江苏南京", "江苏省南京市玄武区", 2), ("320506", "江苏苏州", "江苏省苏州市吴中区", 1),
    ("330102", "浙江杭州", "浙江省杭州市上城区", 2), ("340102", "安徽合肥", "安徽省合肥市瑶海区", 3),
    ("350102", "福建福州", "福建省福州市鼓楼区", 1), ("360102", "江西南昌", "江西省南昌市东湖区", 3),
    ("370102", "山东济南", "山东省济南市历下区", 3), ("370202", "山东青岛", "山东省青岛市市南区", 1),
    ("410102", "河南郑州", "河南省郑州市中原区", 4), ("410302", "河南洛阳", "河南省洛阳市老城区", 2),
    ("411302", "河南南阳", "河南省南阳市宛城区", 2), ("430102", "湖南长沙", "湖南省长沙市芙蓉区", 4),
    ("430602", "湖南岳阳", "湖南省岳阳市岳阳楼区", 2), ("440103", "广东广州", "广东省广州市荔湾区", 2),
    ("440304", "广东深圳", "广东省深圳市福田区", 1), ("450102", "广西南宁", "广西壮族自治区南宁市兴宁区", 2),
    ("460105", "海南海口", "海南省海口市秀英区", 1), ("500103", "重庆", "重庆市渝中区", 3),
    ("510104", "四川成都", "四川省成都市锦江区", 3), ("520102", "贵州贵阳", "贵州省贵阳市南明区", 2),
    ("530102", "云南昆明", "云南省昆明市五华区", 1), ("610102", "陕西西安", "陕西省西安市新城区", 2),
    ("620102", "甘肃兰州", "甘肃省兰州市城关区", 1), ("640104", "宁夏银川", "宁夏回族自治区银川市兴庆区", 1),
    ("650102", "新疆乌鲁木齐", "新疆维吾尔自治区乌鲁木齐市天山区", 1),
)
_REGION_CUM = tuple(accumulate(r[3] for r in REGIONS))
_ROAD_TEXT = "解放路 中山路 人民路 建设路 和平路 长江路 新华路 光明路 胜利路 民主路 文化路 青年路"
_ROADS = _ROAD_TEXT.split()
_MOBILE_TEXT = (
    "130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 176 177 178 "
    "180 181 182 183 185 186 187 188 189 191 198 199"
)
_MOBILE_PREFIXES = _MOBILE_TEXT.split()
_ETHNICITIES = (("汉族", 920), ("土家族", 25), ("回族", 10), ("苗族", 10), ("壮族", 10), ("满族", 8),
                ("蒙古族", 5), ("彝族", 4), ("维吾尔族", 4), ("藏族", 4))
_ETHNIC_CUM = tuple(accumulate(w for _, w in _ETHNICITIES))


def chinese_name(rng: random.Random, gender: str) -> str:
    """A surname drawn by frequency and a one- or two-character given name for the gender."""
    surname = rng.choices(SURNAMES, cum_weights=_SURNAME_CUM)[0]
    chars = _GIVEN[gender]
    given = rng.choice(chars)
    if rng.random() < 0.78:  # most names given since the 1990s have two characters
        second = rng.choice(chars)
        while second == given:
            second = rng.choice(chars)
        given += second
    return surname + given


def region(rng: random.Random) -> tuple[str, str, str, int]:
    return rng.choices(REGIONS, cum_weights=_REGION_CUM)[0]


def birth_date(rng: random.Random, cohort: int) -> date:
    """A birth date about 18 years before entry: most born Sep (cohort-19) to Aug (cohort-18)."""
    start = date(cohort - 19, 9, 1)
    spread = 365 + (365 if rng.random() < 0.15 else 0)  # some are a year older
    return start + timedelta(days=rng.randrange(spread) - (0 if spread == 365 else 365))


def id_number(rng: random.Random, region_code: str, born: date, gender: str) -> str:
    """An 18-digit resident ID number (GB 11643): region, birth date, sequence with the
    gender digit (odd for men) and a valid check character."""
    sequence = rng.randrange(0, 100) * 10 + rng.randrange(5) * 2 + (1 if gender == "M" else 0)
    first17 = f"{region_code}{born:%Y%m%d}{sequence:03d}"
    return first17 + id_check_char(first17)


def mobile(rng: random.Random) -> str:
    return rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"


def address(rng: random.Random, prefix: str) -> str:
    return f"{prefix}{rng.choice(_ROADS)}{rng.randint(1, 300)}号"


def ethnicity(rng: random.Random) -> str:
    return rng.choices(_ETHNICITIES, cum_weights=_ETHNIC_CUM)[0][0]
