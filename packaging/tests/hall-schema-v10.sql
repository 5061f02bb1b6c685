PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1-queue');
INSERT INTO grdb_migrations VALUES('v2-accounts');
INSERT INTO grdb_migrations VALUES('v3-intake');
INSERT INTO grdb_migrations VALUES('v4-device-jobs');
INSERT INTO grdb_migrations VALUES('v5-captures');
INSERT INTO grdb_migrations VALUES('v6-appointments');
INSERT INTO grdb_migrations VALUES('v7-home-visits');
INSERT INTO grdb_migrations VALUES('v9-ratings-posts');
INSERT INTO grdb_migrations VALUES('v8-extended-hours');
INSERT INTO grdb_migrations VALUES('v10-appointment-duty-ledger');
CREATE TABLE service (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL UNIQUE,
    typical_minutes REAL NOT NULL,
    position INTEGER NOT NULL
);
INSERT INTO service VALUES('comprehensive','综合窗口','A',10.0,0);
INSERT INTO service VALUES('social-insurance','社保医保','B',8.0,1);
INSERT INTO service VALUES('civil-affairs','民政残联','C',12.0,2);
INSERT INTO service VALUES('market-regulation','市场监管','D',15.0,3);
INSERT INTO service VALUES('agriculture','农牧业','E',10.0,4);
INSERT INTO service VALUES('veterans','退役军人','F',10.0,5);
CREATE TABLE service_window (
    number INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    service_ids TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0
);
INSERT INTO service_window VALUES(1,'综合受理窗口','comprehensive,market-regulation',0);
INSERT INTO service_window VALUES(2,'综合受理窗口','comprehensive,civil-affairs',0);
INSERT INTO service_window VALUES(3,'社保医保窗口','social-insurance,comprehensive',0);
INSERT INTO service_window VALUES(4,'民政残联窗口','civil-affairs,veterans',0);
INSERT INTO service_window VALUES(5,'农牧业窗口','agriculture,comprehensive',0);
CREATE TABLE ticket (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    day TEXT NOT NULL,
    number TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    service_id TEXT NOT NULL,
    issued_service_id TEXT NOT NULL,
    priority TEXT NOT NULL,
    state TEXT NOT NULL,
    issued_at REAL NOT NULL,
    called_at REAL,
    serving_at REAL,
    closed_at REAL,
    window_number INTEGER,
    recalls INTEGER NOT NULL DEFAULT 0,
    transfers INTEGER NOT NULL DEFAULT 0,
    served_before_hold REAL NOT NULL DEFAULT 0,
    UNIQUE (day, number)
);
INSERT INTO ticket VALUES(1,'2026-12-06','A001',1,'comprehensive','comprehensive','normal','serving',1796544773.7806689739,1796544775.4238317013,1796544775.9957361221,NULL,3,0,0,0.0);
INSERT INTO ticket VALUES(2,'2026-12-06','B001',1,'social-insurance','social-insurance','normal','waiting',1796544774.9144985676,NULL,NULL,NULL,NULL,0,0,0.0);
CREATE TABLE ticket_counter (
    day TEXT NOT NULL,
    prefix TEXT NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (day, prefix)
) WITHOUT ROWID;
INSERT INTO ticket_counter VALUES('2026-12-06','A',1);
INSERT INTO ticket_counter VALUES('2026-12-06','B',1);
CREATE TABLE event (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    type TEXT NOT NULL,
    at REAL NOT NULL,
    ticket_id INTEGER,
    window_number INTEGER,
    actor TEXT,
    body TEXT NOT NULL
);
INSERT INTO event VALUES(1,'catalog.imported',1796544770.2580513954,NULL,NULL,'seed','{"actor":"seed","at":"2026-12-06T08:12:50Z","data":{"items":"15","version":"2025-08 乌兰陶勒盖镇便民服务中心一窗受理事项清单（示例）"},"id":1,"type":"catalog.imported"}');
INSERT INTO event VALUES(2,'calendar.imported',1796544770.2580513954,NULL,NULL,'seed','{"actor":"seed","at":"2026-12-06T08:12:50Z","data":{"coveredYears":"2025,2026"},"id":2,"type":"calendar.imported"}');
INSERT INTO event VALUES(3,'ticket.issued',1796544773.7806689739,1,NULL,'clerk3','{"actor":"clerk3","at":"2026-12-06T08:12:53Z","data":{"estimatedWaitMinutes":"0","peopleAhead":"0"},"id":3,"ticket":{"day":"2026-12-06","id":1,"issuedAt":"2026-12-06T08:12:53Z","issuedServiceID":"comprehensive","number":"A001","priority":"normal","recalls":0,"sequence":1,"servedSecondsBeforeHold":0,"serviceID":"comprehensive","state":"waiting","transfers":0},"type":"ticket.issued"}');
INSERT INTO event VALUES(4,'ticket.issued',1796544774.9144985676,2,NULL,'clerk3','{"actor":"clerk3","at":"2026-12-06T08:12:54Z","data":{"estimatedWaitMinutes":"0","peopleAhead":"0"},"id":4,"ticket":{"day":"2026-12-06","id":2,"issuedAt":"2026-12-06T08:12:54Z","issuedServiceID":"social-insurance","number":"B001","priority":"normal","recalls":0,"sequence":1,"servedSecondsBeforeHold":0,"serviceID":"social-insurance","state":"waiting","transfers":0},"type":"ticket.issued"}');
INSERT INTO event VALUES(5,'ticket.called',1796544775.4238317013,1,3,'clerk3','{"actor":"clerk3","at":"2026-12-06T08:12:55Z","id":5,"ticket":{"calledAt":"2026-12-06T08:12:55Z","day":"2026-12-06","id":1,"issuedAt":"2026-12-06T08:12:53Z","issuedServiceID":"comprehensive","number":"A001","priority":"normal","recalls":0,"sequence":1,"servedSecondsBeforeHold":0,"serviceID":"comprehensive","state":"called","transfers":0,"windowNumber":3},"type":"ticket.called","window":3}');
INSERT INTO event VALUES(6,'ticket.serving',1796544775.9957361221,1,3,'clerk3','{"actor":"clerk3","at":"2026-12-06T08:12:55Z","id":6,"ticket":{"calledAt":"2026-12-06T08:12:55Z","day":"2026-12-06","id":1,"issuedAt":"2026-12-06T08:12:53Z","issuedServiceID":"comprehensive","number":"A001","priority":"normal","recalls":0,"sequence":1,"servedSecondsBeforeHold":0,"serviceID":"comprehensive","servingAt":"2026-12-06T08:12:55Z","state":"serving","transfers":0,"windowNumber":3},"type":"ticket.serving","window":3}');
INSERT INTO event VALUES(7,'case.opened',1796544776.4202065468,NULL,3,'clerk3','{"actor":"clerk3","at":"2026-12-06T08:12:56Z","data":{"caseID":"1","itemID":"senior-allowance","itemName":"高龄津贴申请","owner":"clerk3","state":"pre_review"},"id":7,"type":"case.opened","window":3}');
INSERT INTO event VALUES(8,'case.accepted',1796544776.5715942382,NULL,3,'clerk3','{"actor":"clerk3","at":"2026-12-06T08:12:56Z","data":{"caseID":"1","caseNumber":"BM20261206-0001","itemID":"senior-allowance","itemName":"高龄津贴申请","limitWorkingDays":"3","owner":"clerk3","promisedDay":"2026-12-09","state":"accepted"},"id":8,"type":"case.accepted","window":3}');
INSERT INTO event VALUES(9,'case.routed',1796544776.5715942382,NULL,3,'clerk3','{"actor":"clerk3","at":"2026-12-06T08:12:56Z","data":{"caseID":"1","caseNumber":"BM20261206-0001","departments":"civil-affairs","itemID":"senior-allowance","itemName":"高龄津贴申请","owner":"clerk3","state":"in_review"},"id":9,"type":"case.routed","window":3}');
CREATE TABLE account (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    roles TEXT NOT NULL,
    department_id TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    password_hash TEXT NOT NULL,
    created_at REAL NOT NULL,
    password_changed_at REAL NOT NULL
);
INSERT INTO account VALUES('admin','系统管理员','admin',NULL,1,'$2b$12$RvA2upiHk/ET5GwcASuiNOmOW8v2eLJB3BWhEr5t2hdIW24VXDLtu',1796544760.2398238181,1796544760.2398238181);
INSERT INTO account VALUES('head','王主任','head',NULL,1,'$2b$12$3lCZ4gA1BzxBiAzO7.D44uJ.NgFpoRxBU.s9ooOvI/gBSoS8JMp3S',1796544760.2398238181,1796544760.2398238181);
INSERT INTO account VALUES('clerk1','李娜','clerk',NULL,1,'$2b$12$Xg5M6ZgfcCuHNgyzuQno/uLERVPK8iA7Y4YsTkVW6UV2dLznHNe4e',1796544760.2398238181,1796544760.2398238181);
INSERT INTO account VALUES('clerk3','赵强','clerk',NULL,1,'$2b$12$tnE2l7VH/JOPxs1FHyX5gOF6eZd7ZQGtheybLPUbFBYY3UpfIM5oO',1796544760.2398238181,1796544760.2398238181);
INSERT INTO account VALUES('reviewer','审核员','reviewer','civil-affairs',1,'$2b$12$m8iqsweofCEOnAMoBrgSVuNkzYPzashZGTmVzOTvVuEvUG92krbUO',1796544760.2398238181,1796544760.2398238181);
CREATE TABLE session (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES account(username) ON DELETE CASCADE,
    created_at REAL NOT NULL,
    last_seen_at REAL NOT NULL,
    remote_address TEXT
) WITHOUT ROWID;
INSERT INTO session VALUES('da09df70dc2121a69c39b776e19f1e1a44d63ad48f86e1a2a08cde8ba140ba55','clerk3',1796544773.3373427391,1796544773.3373427391,'127.0.0.1');
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at REAL NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL,
    remote_address TEXT
);
INSERT INTO audit_log VALUES(1,1796544773.3941769599,'clerk3','clerk','session.login','POST /api/session','{}','127.0.0.1');
INSERT INTO audit_log VALUES(2,1796544774.5268206596,'clerk3','clerk','ticket.issue','POST /api/tickets','{"status":"201"}','127.0.0.1');
INSERT INTO audit_log VALUES(3,1796544775.1332273483,'clerk3','clerk','ticket.issue','POST /api/tickets','{"status":"201"}','127.0.0.1');
INSERT INTO audit_log VALUES(4,1796544775.5226268767,'clerk3','clerk','window.operate','POST /api/windows/3/call-next','{"status":"200"}','127.0.0.1');
INSERT INTO audit_log VALUES(5,1796544776.0345129966,'clerk3','clerk','window.operate','POST /api/windows/3/start','{"status":"200"}','127.0.0.1');
INSERT INTO audit_log VALUES(6,1796544776.4486351013,'clerk3','clerk','case.handle','POST /api/cases','{"status":"201"}','127.0.0.1');
INSERT INTO audit_log VALUES(7,1796544777.4879198073,'clerk3','clerk','case.handle','POST /api/cases/1/pre-review','{"status":"200"}','127.0.0.1');
CREATE TABLE intake_catalog (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL
);
INSERT INTO intake_catalog VALUES(1,'{"items":[{"category":"社保","departments":[{"id":"social-security","name":"镇社会保障服务所"}],"fees":"不收费","homeVisitEligible":true,"id":"rural-pension-enrolment","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"核验原件，留存正反面复印件","required":true},{"count":1,"form":"original+copy","id":"household-register","name":"居民户口簿","notes":"户主页及本人页","required":true},{"count":1,"form":"original","id":"enrolment-form","name":"城乡居民基本养老保险参保登记表","notes":"窗口领取或现场填写，本人签字或按手印","required":true}],"name":"城乡居民基本养老保险参保登记","timeLimit":{"kind":"simple"}},{"category":"社保","departments":[{"id":"medical-insurance","name":"镇医疗保障服务站"}],"fees":"不收费","homeVisitEligible":true,"id":"resident-medical-enrolment","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"未成年人可提供户口簿代替","required":true},{"count":1,"form":"original+copy","id":"household-register","name":"居民户口簿","notes":"户主页及本人页","required":true},{"count":1,"form":"original","id":"enrolment-form","name":"城乡居民医疗保险参保登记表","required":true}],"name":"城乡居民医疗保险参保登记","timeLimit":{"kind":"simple"}},{"category":"社保","departments":[{"id":"medical-insurance","name":"镇医疗保障服务站"}],"fees":"不收费","homeVisitEligible":true,"id":"medical-out-of-area-filing","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"核验原件，留存正反面复印件","required":true},{"count":1,"form":"original","id":"filing-form","name":"异地就医备案登记表","required":true},{"count":1,"form":"original","id":"residence-proof","name":"异地长期居住证明或个人承诺书","notes":"异地长期居住人员提供居住证或承诺书","required":true},{"count":1,"form":"original","id":"referral","name":"转诊转院证明","notes":"转诊就医人员提供，由旗级定点医院出具","required":false}],"name":"居民医保异地就医备案","timeLimit":{"kind":"simple"}},{"category":"民政","departments":[{"id":"civil-affairs","name":"镇民政办公室"}],"fees":"不收费","homeVisitEligible":true,"id":"minimum-living-allowance","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"共同生活家庭成员均需提供","required":true},{"count":1,"form":"original+copy","id":"household-register","name":"居民户口簿","notes":"户主页及本人页","required":true},{"count":1,"form":"original","id":"application","name":"最低生活保障申请书","notes":"申请人签字","required":true},{"count":1,"form":"original","id":"authorisation","name":"家庭经济状况核对授权书","notes":"共同生活家庭成员逐一签字","required":true},{"count":1,"form":"original","id":"income-proof","name":"家庭成员收入情况证明","notes":"务工收入、养殖种植收入等","required":true},{"count":1,"form":"copy","id":"illness-proof","name":"残疾人证或重大疾病诊断证明","notes":"家庭成员有残疾或重病的提供","required":false},{"count":1,"form":"copy","id":"bank-card","name":"银行卡（折）","notes":"本人名下社会保障卡或“一卡通”账户","required":true}],"name":"最低生活保障申请","timeLimit":{"kind":"statutory","legalBasis":"《最低生活保障审核确认办法》（民发〔2021〕57号）：审核确认工作应当自受理之日起30个工作日内完成；特殊情况下可延长至45个工作日","workingDays":30}},{"category":"民政","departments":[{"id":"civil-affairs","name":"镇民政办公室"}],"fees":"不收费","homeVisitEligible":true,"id":"temporary-assistance","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"核验原件，留存正反面复印件","required":true},{"count":1,"form":"original+copy","id":"household-register","name":"居民户口簿","notes":"户主页及本人页","required":true},{"count":1,"form":"original","id":"application","name":"临时救助申请书","required":true},{"count":1,"form":"copy","id":"hardship-proof","name":"遭遇困难的相关证明","notes":"医疗费用票据、火灾或事故证明等","required":true},{"count":1,"form":"copy","id":"bank-card","name":"银行卡（折）","notes":"本人名下社会保障卡或“一卡通”账户","required":true}],"name":"临时救助申请","timeLimit":{"kind":"complex"}},{"category":"民政","departments":[{"id":"civil-affairs","name":"镇民政办公室"},{"id":"disabled-persons-federation","name":"镇残疾人联合会"}],"fees":"不收费","homeVisitEligible":true,"id":"disability-two-subsidies","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"核验原件，留存正反面复印件","required":true},{"count":1,"form":"original+copy","id":"household-register","name":"居民户口簿","notes":"户主页及本人页","required":true},{"count":1,"form":"original+copy","id":"disability-card","name":"中华人民共和国残疾人证（第二代）","required":true},{"count":1,"form":"original","id":"application","name":"困难残疾人生活补贴和重度残疾人护理补贴申请审批表","required":true},{"count":2,"form":"original","id":"photo","name":"近期一寸免冠照片","required":true},{"count":1,"form":"copy","id":"bank-card","name":"银行卡（折）","notes":"本人名下社会保障卡或“一卡通”账户","required":true}],"name":"残疾人两项补贴申请","timeLimit":{"kind":"complex"}},{"category":"民政","departments":[{"id":"civil-affairs","name":"镇民政办公室"}],"fees":"不收费","homeVisitEligible":true,"id":"senior-allowance","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"核验原件，留存正反面复印件","required":true},{"count":1,"form":"original+copy","id":"household-register","name":"居民户口簿","notes":"户主页及本人页","required":true},{"count":1,"form":"original","id":"application","name":"高龄津贴申请表","required":true},{"count":2,"form":"original","id":"photo","name":"近期一寸免冠照片","required":true},{"count":1,"form":"copy","id":"bank-card","name":"银行卡（折）","notes":"本人名下社会保障卡或“一卡通”账户","required":true}],"name":"高龄津贴申请","timeLimit":{"kind":"simple"}},{"category":"计生卫健","departments":[{"id":"health","name":"镇卫生健康办公室"}],"fees":"不收费","homeVisitEligible":false,"id":"birth-registration","materials":[{"count":2,"form":"original+copy","id":"id-card","name":"夫妻双方居民身份证","required":true},{"count":1,"form":"original+copy","id":"household-register","name":"居民户口簿","notes":"户主页及本人页","required":true},{"count":1,"form":"original","id":"registration-form","name":"生育登记表","required":true},{"count":1,"form":"copy","id":"marriage-certificate","name":"结婚证","notes":"已婚的提供","required":false}],"name":"生育登记服务","timeLimit":{"kind":"simple"}},{"category":"计生卫健","departments":[{"id":"health","name":"镇卫生健康办公室"}],"fees":"不收费","homeVisitEligible":false,"id":"floating-population-marriage-birth-certificate","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"核验原件，留存正反面复印件","required":true},{"count":1,"form":"original+copy","id":"household-register","name":"居民户口簿","notes":"户主页及本人页","required":true},{"count":2,"form":"original","id":"photo","name":"近期一寸免冠照片","required":true},{"count":1,"form":"copy","id":"marriage-certificate","name":"结婚证","notes":"已婚的提供","required":false}],"name":"流动人口婚育证明","timeLimit":{"kind":"simple"}},{"category":"市场监管","departments":[{"id":"market-regulation","name":"乌兰陶勒盖市场监督管理所"},{"id":"tax","name":"乌兰陶勒盖税务分局"}],"fees":"不收费","homeVisitEligible":true,"id":"individual-business-establishment","materials":[{"count":1,"form":"original+copy","id":"operator-id-card","name":"经营者居民身份证","required":true},{"count":1,"form":"original","id":"application","name":"个体工商户登记（备案）申请书","notes":"经营者签字","required":true},{"count":1,"form":"copy","id":"premises-proof","name":"经营场所使用证明","notes":"房屋产权证明或租赁协议；农村牧区可由嘎查村委会出具证明","required":true},{"count":1,"form":"original","id":"tax-info","name":"税务登记信息确认表","notes":"与市场监管登记同步提交税务部门","required":true}],"name":"个体工商户设立登记","timeLimit":{"kind":"simple"}},{"category":"市场监管","departments":[{"id":"market-regulation","name":"乌兰陶勒盖市场监督管理所"},{"id":"tax","name":"乌兰陶勒盖税务分局"}],"fees":"不收费","homeVisitEligible":true,"id":"individual-business-change","materials":[{"count":1,"form":"original","id":"business-licence","name":"营业执照（正、副本）","required":true},{"count":1,"form":"original+copy","id":"operator-id-card","name":"经营者居民身份证","required":true},{"count":1,"form":"original","id":"application","name":"个体工商户变更登记（备案）申请书","required":true},{"count":1,"form":"copy","id":"change-proof","name":"变更事项相关证明","notes":"变更经营场所的提供新场所使用证明","required":false}],"name":"个体工商户变更登记","timeLimit":{"kind":"simple"}},{"category":"市场监管","departments":[{"id":"market-regulation","name":"乌兰陶勒盖市场监督管理所"}],"fees":"不收费","homeVisitEligible":false,"id":"small-catering-licence","materials":[{"count":1,"form":"original","id":"application","name":"食品经营许可申请书","required":true},{"count":1,"form":"copy","id":"business-licence","name":"营业执照","required":true},{"count":1,"form":"original+copy","id":"operator-id-card","name":"经营者居民身份证","required":true},{"count":1,"form":"original","id":"layout","name":"经营场所平面图及设备布局图","required":true},{"count":1,"form":"original","id":"safety-rules","name":"食品安全管理制度","required":true},{"count":1,"form":"copy","id":"health-certificates","name":"从业人员健康证明","notes":"每名从业人员一份","required":true}],"name":"食品经营许可（小餐饮）","timeLimit":{"kind":"statutory","legalBasis":"《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）：自受理申请之日起10个工作日内作出是否准予行政许可的决定","workingDays":10}},{"category":"农牧业","departments":[{"id":"agriculture","name":"镇农牧业综合服务中心"}],"fees":"不收费","homeVisitEligible":false,"id":"farm-machinery-subsidy","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"核验原件，留存正反面复印件","required":true},{"count":1,"form":"original+copy","id":"invoice","name":"购机发票","required":true},{"count":1,"form":"original","id":"application","name":"农机购置补贴申请表","required":true},{"count":1,"form":"original","id":"machine-photo","name":"人机合影照片（显示铭牌）","required":true},{"count":1,"form":"copy","id":"bank-card","name":"银行卡（折）","notes":"本人名下社会保障卡或“一卡通”账户","required":true}],"name":"农机购置补贴申请","timeLimit":{"kind":"complex"}},{"category":"农牧业","departments":[{"id":"forestry-grassland","name":"镇林业和草原工作站"},{"id":"finance","name":"镇财政所"}],"fees":"不收费","homeVisitEligible":true,"id":"grassland-eco-subsidy","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"核验原件，留存正反面复印件","required":true},{"count":1,"form":"original+copy","id":"household-register","name":"居民户口簿","notes":"户主页及本人页","required":true},{"count":1,"form":"original+copy","id":"grassland-contract","name":"草原承包经营权证","required":true},{"count":1,"form":"original","id":"responsibility","name":"禁牧或草畜平衡责任书","notes":"嘎查村委会盖章","required":true},{"count":1,"form":"copy","id":"bank-card","name":"银行卡（折）","notes":"本人名下社会保障卡或“一卡通”账户","required":true}],"name":"草原生态保护补助奖励","timeLimit":{"kind":"complex"}},{"category":"退役军人","departments":[{"id":"veterans","name":"镇退役军人服务站"}],"fees":"不收费","homeVisitEligible":true,"id":"veteran-preferential-card","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"核验原件，留存正反面复印件","required":true},{"count":1,"form":"original+copy","id":"discharge-certificate","name":"退出现役证明（退伍证、转业证等）","required":true},{"count":2,"form":"original","id":"photo","name":"近期二寸免冠彩色照片","notes":"白色背景","required":true}],"name":"退役军人优待证申领","timeLimit":{"kind":"simple"}}],"version":"2025-08 乌兰陶勒盖镇便民服务中心一窗受理事项清单（示例）"}');
CREATE TABLE holiday_schedule (
    year INTEGER PRIMARY KEY,
    body TEXT NOT NULL
);
INSERT INTO holiday_schedule VALUES(2025,'{"holidays":[{"first":"2025-01-01","last":"2025-01-01","name":"元旦"},{"first":"2025-01-28","last":"2025-02-04","name":"春节"},{"first":"2025-04-04","last":"2025-04-06","name":"清明节"},{"first":"2025-05-01","last":"2025-05-05","name":"劳动节"},{"first":"2025-05-31","last":"2025-06-02","name":"端午节"},{"first":"2025-10-01","last":"2025-10-08","name":"国庆节、中秋节"}],"makeUpWorkdays":[{"date":"2025-01-26","holiday":"春节"},{"date":"2025-02-08","holiday":"春节"},{"date":"2025-04-27","holiday":"劳动节"},{"date":"2025-09-28","holiday":"国庆节、中秋节"},{"date":"2025-10-11","holiday":"国庆节、中秋节"}],"source":"国务院办公厅关于2025年部分节假日安排的通知","year":2025}');
INSERT INTO holiday_schedule VALUES(2026,'{"holidays":[{"first":"2026-01-01","last":"2026-01-03","name":"元旦"},{"first":"2026-02-15","last":"2026-02-23","name":"春节"},{"first":"2026-04-04","last":"2026-04-06","name":"清明节"},{"first":"2026-05-01","last":"2026-05-05","name":"劳动节"},{"first":"2026-06-19","last":"2026-06-21","name":"端午节"},{"first":"2026-09-25","last":"2026-09-27","name":"中秋节"},{"first":"2026-10-01","last":"2026-10-07","name":"国庆节"}],"makeUpWorkdays":[{"date":"2026-01-04","holiday":"元旦"},{"date":"2026-02-14","holiday":"春节"},{"date":"2026-02-28","holiday":"春节"},{"date":"2026-05-09","holiday":"劳动节"},{"date":"2026-09-20","holiday":"国庆节"},{"date":"2026-10-10","holiday":"国庆节"}],"source":"国务院办公厅关于2026年部分节假日安排的通知","year":2026}');
CREATE TABLE intake_case (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT UNIQUE,
    state TEXT NOT NULL,
    item_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    opened_day TEXT NOT NULL,
    accepted_day TEXT,
    promised_day TEXT,
    body TEXT NOT NULL
);
INSERT INTO intake_case VALUES(1,'BM20261206-0001','in_review','senior-allowance','clerk3','2026-12-06','2026-12-06','2026-12-09','{"acceptedAt":"2026-12-06T08:12:56Z","acceptedDay":"2026-12-06","applicant":{"idNumber":"150626198503121230","kind":"person","name":"王秀英","phone":"13904771234"},"correctionRounds":0,"corrections":[],"delivery":{"kind":"window"},"hasProvisionalDates":false,"id":1,"item":{"category":"民政","departments":[{"id":"civil-affairs","name":"镇民政办公室"}],"fees":"不收费","homeVisitEligible":true,"id":"senior-allowance","materials":[{"count":1,"form":"original+copy","id":"id-card","name":"居民身份证","notes":"核验原件，留存正反面复印件","required":true},{"count":1,"form":"original+copy","id":"household-register","name":"居民户口簿","notes":"户主页及本人页","required":true},{"count":1,"form":"original","id":"application","name":"高龄津贴申请表","required":true},{"count":2,"form":"original","id":"photo","name":"近期一寸免冠照片","required":true},{"count":1,"form":"copy","id":"bank-card","name":"银行卡（折）","notes":"本人名下社会保障卡或“一卡通”账户","required":true}],"name":"高龄津贴申请","timeLimit":{"kind":"simple"}},"number":"BM20261206-0001","openedAt":"2026-12-06T08:12:56Z","openedDay":"2026-12-06","owner":"clerk3","ownerChanges":[],"promisedDay":"2026-12-09","received":[{"count":1,"form":"original+copy","materialID":"id-card","name":"居民身份证"},{"count":1,"form":"original+copy","materialID":"household-register","name":"居民户口簿"},{"count":1,"form":"original","materialID":"application","name":"高龄津贴申请表"},{"count":2,"form":"original","materialID":"photo","name":"近期一寸免冠照片"},{"count":1,"form":"copy","materialID":"bank-card","name":"银行卡（折）"}],"reviews":[{"decision":{"pending":{}},"department":{"id":"civil-affairs","name":"镇民政办公室"},"history":[]}],"routedAt":"2026-12-06T08:12:56Z","state":"in_review","window":3}');
CREATE TABLE case_counter (
    day TEXT PRIMARY KEY,
    last INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO case_counter VALUES('2026-12-06',1);
CREATE TABLE case_notice (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES intake_case(id),
    kind TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    path TEXT NOT NULL,
    created_at REAL NOT NULL,
    print_status TEXT NOT NULL,
    cups_job_id INTEGER,
    print_error TEXT,
    printed_at REAL,
    UNIQUE (case_id, kind, sequence)
);
INSERT INTO case_notice VALUES(1,1,'acceptance',1,'/tmp/fix/notices/BM20261206-0001/acceptance-1.pdf',1796544777.4820818901,'not_configured',NULL,NULL,NULL);
CREATE TABLE device_job (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at REAL NOT NULL
);
CREATE TABLE capture (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    material_id TEXT NOT NULL,
    page_number INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    profile_id TEXT NOT NULL,
    created_at REAL NOT NULL,
    UNIQUE (case_id, material_id, page_number)
);
CREATE TABLE appointment_slot (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    day TEXT NOT NULL,
    start_minute INTEGER NOT NULL,
    body TEXT NOT NULL
, duty_recorded_at REAL);
CREATE TABLE appointment (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    slot_id INTEGER NOT NULL REFERENCES appointment_slot(id),
    day TEXT NOT NULL,
    state TEXT NOT NULL,
    person_key TEXT NOT NULL,
    phone TEXT NOT NULL,
    id_number TEXT,
    body TEXT NOT NULL
);
CREATE TABLE appointment_suspension (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_key TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE home_visit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL,
    requested_day TEXT NOT NULL,
    case_id INTEGER,
    body TEXT NOT NULL
);
CREATE TABLE rating (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL UNIQUE REFERENCES ticket(id),
    ticket_number TEXT NOT NULL,
    day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    window_number INTEGER,
    staff TEXT,
    level TEXT NOT NULL,
    channel TEXT NOT NULL,
    device TEXT,
    at REAL NOT NULL
);
CREATE TABLE rating_follow_up (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    rating_id INTEGER NOT NULL UNIQUE REFERENCES rating(id),
    ticket_id INTEGER NOT NULL,
    ticket_number TEXT NOT NULL,
    service_id TEXT NOT NULL,
    window_number INTEGER,
    staff TEXT,
    level TEXT NOT NULL,
    state TEXT NOT NULL,
    opened_at REAL NOT NULL,
    opened_day TEXT NOT NULL,
    due_day TEXT NOT NULL,
    provisional INTEGER NOT NULL DEFAULT 0,
    closed_at REAL,
    closed_by TEXT,
    note TEXT,
    overdue_alerted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE window_post (
    window_number INTEGER PRIMARY KEY,
    a_username TEXT,
    b_username TEXT,
    a_away INTEGER NOT NULL DEFAULT 0,
    away_since REAL,
    away_reason TEXT,
    updated_at REAL,
    updated_by TEXT
);
CREATE TABLE hall_secret (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
) WITHOUT ROWID;
INSERT INTO hall_secret VALUES('ticket-link-key',X'3084d985b9f8a33808f9cc3e52ba430a3632b088973a50c737220819c8d0c93b');
CREATE TABLE opening_hours_override (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL
);
CREATE TABLE extended_session (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    day TEXT NOT NULL,
    started_at REAL NOT NULL,
    ended_at REAL,
    body TEXT NOT NULL
);
CREATE TABLE extended_replacement (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    day TEXT NOT NULL,
    window_number INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE extended_marker (
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (day, kind)
) WITHOUT ROWID;
CREATE TABLE ledger_entry (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    staff TEXT NOT NULL,
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    start_at REAL NOT NULL,
    minutes INTEGER NOT NULL,
    session_id INTEGER REFERENCES extended_session(id),
    body TEXT NOT NULL
, slot_id INTEGER REFERENCES appointment_slot(id));
CREATE TABLE leave_grant (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    staff TEXT NOT NULL,
    day TEXT NOT NULL,
    state TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE TABLE follow_up (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    state TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_day TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_ref TEXT,
    body TEXT NOT NULL
);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('event',9);
INSERT INTO sqlite_sequence VALUES('audit_log',7);
INSERT INTO sqlite_sequence VALUES('ticket',2);
INSERT INTO sqlite_sequence VALUES('intake_case',1);
INSERT INTO sqlite_sequence VALUES('case_notice',1);
CREATE INDEX ticket_day_state ON ticket(day, state);
CREATE INDEX ticket_service_closed ON ticket(service_id, state, closed_at);
CREATE INDEX event_at ON event(at);
CREATE INDEX session_username ON session(username);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor, at);
CREATE INDEX intake_case_state ON intake_case(state);
CREATE INDEX device_job_kind ON device_job(kind, created_at);
CREATE INDEX ticket_day_service_state ON ticket(day, service_id, state);
CREATE INDEX capture_sha256 ON capture(sha256);
CREATE INDEX appointment_slot_day ON appointment_slot(day, start_minute);
CREATE INDEX appointment_slot_state ON appointment(slot_id, state);
CREATE INDEX appointment_state_day ON appointment(state, day);
CREATE INDEX appointment_person ON appointment(person_key);
CREATE INDEX appointment_phone ON appointment(phone);
CREATE INDEX appointment_id_number ON appointment(id_number);
CREATE INDEX appointment_suspension_person ON appointment_suspension(person_key);
CREATE INDEX home_visit_state ON home_visit(state);
CREATE INDEX home_visit_requested_day ON home_visit(requested_day);
CREATE INDEX rating_day ON rating(day);
CREATE INDEX rating_follow_up_state ON rating_follow_up(state);
CREATE INDEX event_ticket_type ON event(ticket_id, type);
CREATE INDEX ticket_window_state_closed ON ticket(window_number, state, closed_at);
CREATE INDEX extended_session_day ON extended_session(day);
CREATE INDEX extended_session_running ON extended_session(ended_at) WHERE ended_at IS NULL;
CREATE INDEX extended_replacement_day ON extended_replacement(day);
CREATE INDEX ledger_entry_staff_day ON ledger_entry(staff, day);
CREATE INDEX ledger_entry_day ON ledger_entry(day);
CREATE INDEX leave_grant_staff ON leave_grant(staff, day);
CREATE INDEX follow_up_state_due ON follow_up(state, due_day);
CREATE INDEX follow_up_source ON follow_up(source_kind, source_ref);
CREATE UNIQUE INDEX ledger_entry_slot_staff ON ledger_entry(slot_id, staff) WHERE slot_id IS NOT NULL;
CREATE INDEX appointment_slot_duty_pending ON appointment_slot(day) WHERE duty_recorded_at IS NULL;
COMMIT;
