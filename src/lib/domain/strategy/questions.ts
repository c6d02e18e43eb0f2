/**
 * Guided workshop prompts for a CRM strategy: where a CRM innovation starts, then the question
 * lists of the three strategies to execute (customer; channel and product; infrastructure).
 * Each question carries a facilitator hint saying what a good answer contains or which evidence
 * to bring. Ids are stable: saved answers refer to them.
 */
import type { LocalizedText } from '../locales.ts';

export const QUESTION_LISTS = ['starting', 'customer', 'channelProduct', 'infrastructure'] as const;
export type QuestionListId = (typeof QUESTION_LISTS)[number];

export interface Question {
	id: string;
	text: LocalizedText;
	hint: LocalizedText;
}

export interface QuestionList {
	id: QuestionListId;
	title: LocalizedText;
	intro: LocalizedText;
	questions: readonly Question[];
}

export const QUESTIONS: readonly QuestionList[] = [
	{
		id: 'starting',
		title: { 'zh-CN': '从哪里开始', 'zh-TW': '從哪裡開始', en: 'Where to start' },
		intro: {
			'zh-CN':
				'在选择任何系统之前，先弄清客户是谁、他们有何体验和需求，以及企业要为此做出哪些改变。',
			'zh-TW':
				'在挑選任何系統之前，先釐清客戶是誰、他們的體驗與需求為何，以及公司必須為此做出哪些改變。',
			en: 'Before choosing any system, settle who the customers are, what they experience and need, and what the business must change to serve them.'
		},
		questions: [
			{
				id: 'start-real-customers',
				text: {
					'zh-CN': '谁才是我们真正的客户——支撑我们收入和利润的究竟是哪些人？',
					'zh-TW': '誰才是我們真正的客戶——撐起營收與獲利的究竟是哪些客群？',
					en: 'Who are our real customers — the ones whose business our revenue and profit actually depend on?'
				},
				hint: {
					'zh-CN': '点出最关键的几类客户；请带上近两年按客户统计的收入与毛利数据。',
					'zh-TW': '點出最關鍵的幾個客群；請準備近兩年依客戶別統計的營收與毛利資料。',
					en: 'Name the few customer groups that matter most; bring revenue and margin by customer for the last two years.'
				}
			},
			{
				id: 'start-current-experience',
				text: {
					'zh-CN': '从第一次接触到售后服务，客户今天与我们打交道的真实感受是怎样的？',
					'zh-TW': '從第一次接觸到售後服務，客戶現在跟我們往來的實際感受如何？',
					en: 'What is it like to deal with us today, from first contact through to after-sales service?'
				},
				hint: {
					'zh-CN': '按一位真实客户的经历把全流程走一遍；请带上投诉记录、满意度评分和几条客户原话。',
					'zh-TW': '以一位真實客戶的經歷走一遍完整流程；請備妥客訴紀錄、滿意度分數及幾則客戶原話。',
					en: 'Walk through one real customer journey end to end; bring complaint logs, satisfaction scores and a few verbatim customer comments.'
				}
			},
			{
				id: 'start-future-service',
				text: {
					'zh-CN': '未来三到五年，这些客户会期待我们提供什么样的服务？',
					'zh-TW': '未來三到五年，這些客戶會期待我們提供什麼樣的服務？',
					en: 'What service will these customers expect from us over the next three to five years?'
				},
				hint: {
					'zh-CN':
						'区分客户当下的诉求与正在形成的新期望；请带上客户访谈纪要、竞争对手的服务方案和市场趋势资料。',
					'zh-TW':
						'區分客戶眼前的需求與逐漸成形的新期待；請準備客戶訪談紀錄、競爭對手的服務方案與市場趨勢資料。',
					en: 'Separate what customers ask for today from expectations that are still forming; bring interview notes, competitor offers and market trends.'
				}
			},
			{
				id: 'start-operational-change',
				text: {
					'zh-CN': '要提供这样的服务，我们的运营方式必须做出哪些改变？',
					'zh-TW': '要提供這樣的服務，我們的營運方式必須做哪些調整？',
					en: 'What has to change in the way we operate for us to deliver that service?'
				},
				hint: {
					'zh-CN': '逐条列出流程、岗位和系统上的具体改变，每项注明负责人和大致工作量。',
					'zh-TW': '逐項列出流程、職務與系統上的具體調整，並註明每項的負責人及概估工作量。',
					en: 'List the concrete changes to processes, roles and systems, each with an owner and a rough estimate of the effort.'
				}
			},
			{
				id: 'start-products-services',
				text: {
					'zh-CN': 'CRM 项目将首先支撑哪些产品和服务？',
					'zh-TW': 'CRM 專案會優先支援哪些產品與服務？',
					en: 'Which products and services will the CRM programme support first?'
				},
				hint: {
					'zh-CN':
						'确定一份按优先级排序的简短清单，并注明各产品线的收入占比；清单之外的暂不纳入范围。',
					'zh-TW':
						'確認一份依優先順序排列的精簡清單，並標示各產品線的營收占比；清單以外的項目暫不納入範圍。',
					en: 'Agree a short, ranked list with the revenue share of each line; anything not on the list is out of scope for now.'
				}
			},
			{
				id: 'start-workflows-touchpoints',
				text: {
					'zh-CN': '目前的业务流程、客户接触点以及部门之间的衔接是怎样运作的？',
					'zh-TW': '目前的作業流程、客戶接觸點以及部門之間的交接是怎麼運作的？',
					en: 'How do our business workflows, customer touchpoints and internal hand-offs work today?'
				},
				hint: {
					'zh-CN': '用一页纸画出现状流程图，标出每个接触点、负责部门以及信息在哪里中断。',
					'zh-TW': '用一頁畫出現行流程圖，標出每個接觸點、負責部門，以及資訊在哪個環節斷掉。',
					en: 'Draw the current process on one page, marking each touchpoint, the department that owns it and where information gets lost.'
				}
			},
			{
				id: 'start-technology-capabilities',
				text: {
					'zh-CN': '我们现有哪些技术和能力，差距在哪里？',
					'zh-TW': '我們現有哪些技術與能力，落差在哪裡？',
					en: 'What technology and capabilities do we have today, and where are the gaps?'
				},
				hint: {
					'zh-CN':
						'请带上系统清单（含数据来源和数据质量情况），并如实评估 IT、销售和服务团队的技能水平。',
					'zh-TW':
						'請準備系統清單（含資料來源與資料品質狀況），並如實評估資訊、業務及客服團隊的能力。',
					en: 'Bring an inventory of systems with their data sources and data quality, and an honest view of the skills in IT, sales and service.'
				}
			},
			{
				id: 'start-crm-vision',
				text: {
					'zh-CN': '管理层能够达成共识并正式确认的 CRM 运营与业务愿景是什么？',
					'zh-TW': '經營團隊能夠取得共識並正式核定的 CRM 營運與事業願景是什麼？',
					en: 'What CRM operating and business vision can the leadership team agree on and sign off?'
				},
				hint: {
					'zh-CN':
						'用两三句话写出愿景，附上可衡量的目标（如收入增长、销售周期缩短），并明确牵头的高层发起人。',
					'zh-TW':
						'用兩三句話寫下願景，附上可量化的目標（例如營收成長、銷售週期縮短），並指定負責推動的高階主管。',
					en: 'Write the vision in two or three sentences with measurable targets, such as revenue growth or a shorter sales cycle, and name the executive sponsor.'
				}
			}
		]
	},
	{
		id: 'customer',
		title: { 'zh-CN': '客户策略', 'zh-TW': '客戶策略', en: 'Customer strategy' },
		intro: {
			'zh-CN': '明确要服务哪些客户、如何区别对待不同客户群，以及如何让双方都从这段关系中获益。',
			'zh-TW': '決定要經營哪些客戶、如何針對不同客群差異化對待，以及如何讓這段關係對雙方都有價值。',
			en: 'Decide which customers to serve, how to treat each group differently and how to keep the relationship worthwhile for both sides.'
		},
		questions: [
			{
				id: 'cust-segmentation',
				text: {
					'zh-CN': '我们应如何对现有客户和潜在客户进行细分？',
					'zh-TW': '我們該如何區隔現有客戶與潛在客戶？',
					en: 'How should we segment our current and potential customers?'
				},
				hint: {
					'zh-CN': '提出细分方案，并注明各细分群体的规模、收入和毛利；请带上按收入排序的客户名单。',
					'zh-TW': '提出客群區隔方案，並列出各客群的規模、營收與毛利；請準備依營收排序的客戶名單。',
					en: 'Propose segments with their size, revenue and margin; bring the customer list ranked by revenue.'
				}
			},
			{
				id: 'cust-investment-priority',
				text: {
					'zh-CN': '哪些细分群体值得加大投入，哪些应以最低成本提供服务？',
					'zh-TW': '哪些客群值得加碼投資，哪些應以最低成本服務？',
					en: 'Which segments deserve more investment, and which should we serve at the lowest cost?'
				},
				hint: {
					'zh-CN':
						'按利润和客户终身价值对细分群体排序，并为每个群体给出“重点发展”“维持”或“低成本服务”的定位。',
					'zh-TW':
						'依獲利與顧客終身價值為客群排序，並替每個客群定調為「重點發展」、「維持」或「低成本服務」。',
					en: 'Rank segments by profit and lifetime value, and give each one a develop, maintain or serve-efficiently call.'
				}
			},
			{
				id: 'cust-unique-needs',
				text: {
					'zh-CN': '哪些客户有我们标准产品和服务满足不了的特殊需求？',
					'zh-TW': '哪些客戶有我們標準方案無法滿足的特殊需求？',
					en: 'Which customers have needs that our standard offer does not meet?'
				},
				hint: {
					'zh-CN': '按细分群体举出具体实例，并以服务请求、丢单记录或定制订单作为佐证。',
					'zh-TW': '依客群舉出具體案例，並以服務需求、未成交案件或客製訂單佐證。',
					en: 'Give concrete examples for each segment, backed by service requests, lost deals or custom orders.'
				}
			},
			{
				id: 'cust-tailored-offers',
				text: {
					'zh-CN': '我们应为哪些客户群设计哪些差异化的方案？',
					'zh-TW': '我們應該針對哪些客群設計哪些差異化方案？',
					en: 'Which distinctive offers should we design, and for which customer groups?'
				},
				hint: {
					'zh-CN': '每个方案对应一个细分群体，说明它为该群体带来的价值以及我们能保留的利润。',
					'zh-TW': '每個方案對應一個客群，說明它為該客群創造的價值，以及我們能保有的利潤。',
					en: 'Match each offer to one segment and state the value it adds for that segment and the margin it leaves us.'
				}
			},
			{
				id: 'cust-loyalty-drivers',
				text: {
					'zh-CN': '真正让客户留下来的是什么，让他们流失的又是什么？',
					'zh-TW': '真正讓客戶留下來的是什麼，讓他們流失的又是什麼？',
					en: 'What actually keeps our customers loyal, and what makes them leave?'
				},
				hint: {
					'zh-CN': '请带上各细分群体的留存率和流失率，以及客户留下或离开时给出的主要原因。',
					'zh-TW': '請準備各客群的留存率與流失率，以及客戶續約或離開時提出的主要原因。',
					en: 'Bring retention and churn figures by segment and the main reasons customers give for staying or leaving.'
				}
			},
			{
				id: 'cust-win-win',
				text: {
					'zh-CN': '这段客户关系是否双赢——客户得到应有价值的同时，我们也获得合理利润？',
					'zh-TW': '這段客戶關係是否雙贏——客戶得到應有的價值，我們也賺到合理的利潤？',
					en: 'Is the relationship a win-win, with customers getting fair value while we earn a healthy margin?'
				},
				hint: {
					'zh-CN': '对比客户感知到的价值与单个客户的利润，标出任何一方吃亏的细分群体。',
					'zh-TW': '對照客戶感受到的價值與每位客戶的獲利，標出任一方吃虧的客群。',
					en: 'Compare the value customers perceive with the profit per customer, and flag any segment where one side loses out.'
				}
			}
		]
	},
	{
		id: 'channelProduct',
		title: {
			'zh-CN': '渠道与产品策略',
			'zh-TW': '通路與產品策略',
			en: 'Channel and product strategy'
		},
		intro: {
			'zh-CN':
				'确定通过哪些渠道、以哪些产品触达哪些客户，把成本控制在企业可承受的范围内，并避免渠道之间相互掣肘。',
			'zh-TW':
				'決定透過哪些通路、以哪些產品接觸哪些客群，把成本控制在公司可負擔的範圍內，並避免通路彼此打架。',
			en: 'Decide which channels carry which products to which customers, at a cost the business can bear and without the channels working against each other.'
		},
		questions: [
			{
				id: 'chan-preferences',
				text: {
					'zh-CN': '客户更偏好通过哪些渠道与我们往来——网络、传真、信函、电话还是面对面？',
					'zh-TW': '客戶比較喜歡透過哪些通路跟我們往來——網路、傳真、信件、電話還是面對面？',
					en: 'Which channels do our customers prefer to use with us — internet, fax, letter, phone or face to face?'
				},
				hint: {
					'zh-CN':
						'按细分群体和事务类型（如下单、咨询、投诉）列出客户偏好的渠道，依据可来自联络记录或简短问卷。',
					'zh-TW':
						'依客群與事務類型（例如下單、詢問、客訴）列出偏好的通路，可引用聯繫紀錄或簡短問卷結果。',
					en: 'Show the preferred channel by segment and by task, such as ordering, enquiries and complaints, using contact records or a short survey.'
				}
			},
			{
				id: 'chan-best-for-company',
				text: {
					'zh-CN': '从覆盖面、可控性和利润来看，哪些渠道对公司最有利？',
					'zh-TW': '從觸及範圍、掌控度與毛利來看，哪些通路對公司最有利？',
					en: 'Which channels serve the company best in terms of reach, control and margin?'
				},
				hint: {
					'zh-CN':
						'从覆盖面、成本、服务质量和可获取的客户数据四个方面为每个渠道打分，再商定最重要的两个渠道。',
					'zh-TW':
						'依觸及範圍、成本、服務品質及可蒐集的客戶資料為各通路評分，再共同選出最重要的兩個。',
					en: 'Score each channel on reach, cost, service quality and the customer data it captures, then agree on the top two.'
				}
			},
			{
				id: 'chan-cost',
				text: {
					'zh-CN': '每个渠道的单次接触成本、单笔订单成本和每位客户的年均成本分别是多少？',
					'zh-TW': '每個通路的單次接觸成本、單筆訂單成本及每位客戶的年度成本各是多少？',
					en: 'What does each channel cost us per contact, per order and per customer per year?'
				},
				hint: {
					'zh-CN': '请财务按渠道提供人员、系统、佣金和物流费用数据；暂用估算值也可以，但要注明。',
					'zh-TW': '請財務依通路提供人力、系統、佣金與物流費用資料；先用估算值也可以，但須註明。',
					en: 'Ask finance for staff, systems, commission and logistics costs by channel; estimates are acceptable if they are marked as such.'
				}
			},
			{
				id: 'chan-product-mix',
				text: {
					'zh-CN': '哪些产品应通过哪个渠道销售给哪个细分群体？',
					'zh-TW': '哪些產品該透過哪個通路賣給哪個客群？',
					en: 'Which products should we sell through which channel to which customer segment?'
				},
				hint: {
					'zh-CN': '填写“产品 × 渠道 × 细分群体”矩阵，标出应扩大、维持或逐步退出的组合。',
					'zh-TW': '填寫「產品 × 通路 × 客群」矩陣，標出要擴大、維持或逐步淘汰的組合。',
					en: 'Fill in a product × channel × segment grid and mark the combinations to grow, keep or phase out.'
				}
			},
			{
				id: 'chan-conflicts',
				text: {
					'zh-CN': '可能出现哪些渠道冲突，我们将如何化解？',
					'zh-TW': '可能出現哪些通路衝突，我們要如何化解？',
					en: 'Which channel conflicts could arise, and how will we resolve them?'
				},
				hint: {
					'zh-CN':
						'列出可能发生的冲突（如线上价格低于经销商价格），并为每种冲突制定定价、区域或佣金方面的规则。',
					'zh-TW':
						'列出可能發生的衝突（例如網路售價低於經銷商價格），並針對每一項訂出定價、區域或佣金規則。',
					en: 'List the likely clashes, such as online prices undercutting dealers, and set a pricing, territory or commission rule for each.'
				}
			},
			{
				id: 'chan-integration',
				text: {
					'zh-CN': '客户在不同渠道之间切换时，如何做到无需重复说明情况？',
					'zh-TW': '客戶在不同通路之間切換時，要怎麼做到不必重複說明？',
					en: 'How will customers move between channels without having to repeat themselves?'
				},
				hint: {
					'zh-CN': '说明共享的客户档案和交接规则，确保每个渠道都能看到同一份往来记录。',
					'zh-TW': '說明共用的客戶檔案與交接規則，讓每個通路都看得到同一份往來紀錄。',
					en: 'Describe the shared customer record and the hand-off rules that let every channel see the same history.'
				}
			}
		]
	},
	{
		id: 'infrastructure',
		title: { 'zh-CN': '基础设施策略', 'zh-TW': '基礎架構策略', en: 'Infrastructure strategy' },
		intro: {
			'zh-CN': '明确 CRM 策略需要哪些技术、规则、组织和人才作支撑，使其能够落地运行并持续改进。',
			'zh-TW': '釐清 CRM 策略需要哪些技術、規範、組織與人才支撐，才能落實運作並持續改善。',
			en: 'Work out the technology, rules, organisation and people the CRM strategy needs to run day to day and keep improving.'
		},
		questions: [
			{
				id: 'infra-technology',
				text: {
					'zh-CN': 'CRM 策略需要怎样的技术基础设施，哪些现有系统可以沿用？',
					'zh-TW': 'CRM 策略需要什麼樣的技術基礎架構，哪些現有系統可以沿用？',
					en: 'Which technical infrastructure does the CRM strategy need, and what can we reuse?'
				},
				hint: {
					'zh-CN':
						'将所需能力（客户数据库、呼叫中心、分析工具、系统集成）与现有系统逐一对照，并标明自建、采购、租用还是沿用。',
					'zh-TW':
						'將所需功能（客戶資料庫、客服中心、分析工具、系統整合）與現有系統逐一對照，並標明自建、採購、租用或沿用。',
					en: 'Map the capabilities required (customer database, contact centre, analytics, integration) against current systems and mark each as build, buy, rent or reuse.'
				}
			},
			{
				id: 'infra-data-quality',
				text: {
					'zh-CN': '客户数据由谁负责，如何保证数据完整准确？',
					'zh-TW': '客戶資料由誰負責，要如何確保資料完整正確？',
					en: 'Who owns the customer data, and how will we keep it complete and accurate?'
				},
				hint: {
					'zh-CN': '为每个数据来源指定负责人，并带上一份样本，说明目前重复记录和字段缺失的情况。',
					'zh-TW': '為每個資料來源指定負責人，並準備一份樣本，說明目前重複資料與欄位缺漏的情形。',
					en: 'Name an owner for each data source and bring a sample showing today’s duplicates and missing fields.'
				}
			},
			{
				id: 'infra-learning-organisation',
				text: {
					'zh-CN': '企业要从每一次客户互动中持续学习，需要具备哪些条件？',
					'zh-TW': '公司要從每一次客戶互動中持續學習，需要具備哪些條件？',
					en: 'What does the organisation need in order to learn from every customer interaction?'
				},
				hint: {
					'zh-CN':
						'说明洞察如何收集、分享并转化为行动（例如定期复盘、KPI 和 PDCA 循环），以及由谁负责推动。',
					'zh-TW':
						'說明如何蒐集、分享洞察並付諸行動（例如定期檢討、KPI 與 PDCA 循環），以及由誰負責推動。',
					en: 'Describe how insights are captured, shared and acted on, through regular reviews, KPIs and a PDCA cycle, and who drives it.'
				}
			},
			{
				id: 'infra-rules-processes',
				text: {
					'zh-CN': '需要建立哪些新的 CRM 规则、流程和工具？',
					'zh-TW': '需要建立哪些新的 CRM 規範、流程與工具？',
					en: 'Which new CRM rules, processes and tools must be in place?'
				},
				hint: {
					'zh-CN': '逐项列出新规则或新流程、配套工具及执行团队，例如商机分配或投诉升级处理。',
					'zh-TW': '逐項列出新規範或新流程、搭配的工具及執行團隊，例如潛在客戶分派或客訴升級處理。',
					en: 'List each new rule or process with the tool that supports it and the team that follows it, for example lead assignment or complaint escalation.'
				}
			},
			{
				id: 'infra-organisation-people',
				text: {
					'zh-CN': '日常运营 CRM 需要怎样的组织架构和哪些称职的人才？',
					'zh-TW': '日常營運 CRM 需要什麼樣的組織架構與哪些適任的人才？',
					en: 'What organisation and which competent people will run CRM day to day?'
				},
				hint: {
					'zh-CN': '勾勒目标组织架构，列出各岗位所需技能，并说明通过培训、招聘还是外包来补足。',
					'zh-TW': '勾勒目標組織架構，列出各職務所需能力，並說明要透過培訓、招募還是外包補足。',
					en: 'Sketch the target structure with its roles and the skills each needs, and say whether to train, hire or outsource.'
				}
			}
		]
	}
];

/** The question with this id, or undefined. */
export function findQuestion(id: string): { list: QuestionList; question: Question } | undefined {
	for (const list of QUESTIONS) {
		const question = list.questions.find((q) => q.id === id);
		if (question) return { list, question };
	}
	return undefined;
}
