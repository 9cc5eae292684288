"""Traditional characters read as simplified: a one-to-one, same-length character map, so a text in traditional
characters (`2023年全國網上零售額15.42萬億元，同比增長11%`) is read like its simplified form while every offset stays the
source's (quotes are stored as the source wrote them; metrics and regions in simplified, so `/metric 网上零售额` finds
them).

    to_simplified(text) -> str      same length; characters outside the table unchanged

The table is curated for what figures are made of: statistics and e-commerce vocabulary, units (億/萬/噸), growth
words (增長/減少), periods, regions (provinces, cities, countries) and common function words. Only characters that
are never written in simplified text are mapped (呼, 著, 乾, 覆 are simplified characters too and stay); a word whose
simplified form differs in more than its characters (網路 for 网络) is not rewritten.
"""

from __future__ import annotations

import re

#: pairs of (traditional, simplified) characters
_PAIRS = (
    "國国網网億亿萬万額额長长電电貨货進进業业務务規规費费總总實实際际銷销貿贸樂乐產产歲岁農农鄉乡縣县區区島岛灣湾臺台廣广東东"
    "陝陕貴贵遼辽寧宁龍龙黃黄蘇苏滬沪閩闽贛赣魯鲁晉晋隴陇漢汉陽阳鄭郑濟济瀋沈連连壩坝淩凌統统計计數数據据顯显報报導导訊讯記记"
    "與与對对為为從从當当發发時时間间齡龄稱称達达較较幾几個个別别點点線线開开關关門门問问題题聞闻號号碼码單单價价幣币圓圆匯汇"
    "兌兑換换減减擴扩縮缩動动態态勢势頭头經经營营運运輸输遞递郵邮傳传處处裡里裏里後后來来這这邊边過过還还轉转車车輛辆機机場场"
    "鐵铁軌轨櫃柜購购買买賣卖庫库儲储備备倉仓淨净續续錢钱財财稅税資资負负債债權权標标準准層层級级積积極极響响應应鎮镇貧贫脫脱"
    "鞏巩體体鋪铺攤摊館馆帶带視视頻频節节觀观眾众訪访擊击評评論论內内員员會会協协聯联絡络約约劃划設设預预測测畫画現现驗验構构"
    "結结組组織织績绩創创專专職职環环粵粤義义烏乌溫温無无錫锡廈厦慶庆齊齐銀银蘭兰莊庄爾尔濱滨亞亚雲云肅肃歐欧羅罗韓韩紐纽馬马"
    "賓宾製制鏈链塊块戶户類类種种裝装針针紡纺糧粮飲饮煙烟妝妆寶宝辦办築筑藥药遊游醫医療疗衛卫養养訓训閉闭蓋盖驅驱們们說说於于"
    "給给沒没讓让該该將将並并歷历錄录紀纪穩稳躍跃話话語语譯译讀读寫写詞词彙汇認认識识證证書书繫系係系難难質质輕轻腦脑熱热氣气"
    "風风險险紙纸僅仅歸归屬属屆届戰战漲涨廳厅團团隊队黨党圖图兩两雙双輪轮離离貼贴補补賀贺賬账貸贷賽赛贏赢賴赖貫贯責责貢贡販贩"
    "貯贮賦赋興兴舉举擇择擔担擬拟擁拥攜携搶抢掃扫揮挥損损揚扬撐撑撥拨樣样樓楼檔档檢检橫横樹树殘残湧涌滿满漸渐潛潜濃浓潤润澤泽"
    "災灾燈灯爭争牆墙狀状獨独獲获盤盘監监盡尽睞睐矚瞩確确礎础礙碍禮礼禍祸穀谷窮穷競竞筆笔範范簡简簽签籌筹紅红紛纷細细終终絲丝"
    "綜综綠绿維维緊紧締缔編编緣缘練练繼继罰罚聖圣聲声聽听膚肤臨临舊旧艱艰藝艺華华萊莱葉叶蔣蒋蟲虫術术衝冲複复見见親亲覺觉覽览"
    "訂订討讨許许診诊試试詳详誌志誕诞誰谁課课調调談谈請请諮咨謀谋講讲議议護护變变豐丰趨趋軍军軟软載载輔辅邁迈遠远適适選选遺遗"
    "釋释鈔钞鍵键閒闲閱阅隨随隻只雜杂雞鸡頁页項项順顺領领願愿顧顾飛飞飯饭餘余駐驻魚鱼鮮鲜麗丽麥麦參参嚴严園园圍围壓压壯壮壽寿"
    "奪夺奮奋婦妇孫孙學学寬宽嶺岭帥帅師师帳帐幫帮幹干廠厂廢废張张強强彈弹徑径復复徵征惡恶慣惯懷怀敗败斷断晝昼暫暂曆历條条決决"
    "況况溝沟漁渔濕湿煉炼燒烧爐炉牽牵獎奖瑪玛畝亩異异疇畴盜盗碩硕窪洼紋纹純纯納纳絕绝繳缴罷罢膠胶艦舰薦荐藍蓝蘋苹蝦虾襲袭覓觅"
    "詢询誘诱誤误諾诺謝谢賠赔賺赚贈赠贊赞趕赶趙赵跡迹踐践蹤踪軸轴輯辑轄辖辭辞遲迟遷迁鄰邻醬酱釣钓鈴铃銅铜銳锐錯错鍋锅閃闪閣阁"
    "闊阔陣阵陳陈陸陆隸隶隱隐雖虽靈灵靜静韌韧頂顶須须頒颁頓顿頗颇顆颗颱台飆飙餅饼饋馈騰腾驚惊驟骤鬆松麵面齒齿噸吨兒儿髮发鬥斗"
    "麼么鐘钟檯台衆众週周佈布佔占鑑鉴託托綫线夠够嗎吗纖纤娛娱飾饰鋼钢鋁铝礦矿艙舱觸触韻韵鑽钻綢绸緞缎絨绒廚厨潔洁"
    "貓猫鴨鸭鵝鹅豬猪寵宠戲戏攝摄劇剧薩萨茲兹纜缆譜谱"
)

#: the map as a translate table (numbers.fold folds it in with the width folding)
TRAD_TO_SIMP: dict[int, int] = {ord(a): ord(b) for a, b in zip(_PAIRS[0::2], _PAIRS[1::2], strict=True)}


#: any character the map changes (most texts have none: one regex scan instead of a dict lookup per character)
_TRADITIONAL_RE = re.compile("[" + "".join(_PAIRS[0::2]) + "]")


def to_simplified(text: str) -> str:
    """`text` with traditional characters replaced by their simplified forms (same length, offsets unchanged)."""
    return text.translate(TRAD_TO_SIMP) if _TRADITIONAL_RE.search(text) else text
